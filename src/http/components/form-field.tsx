/**
 * A labelled input or textarea for newsroom forms: the label is always visible and tied to the field,
 * help text is announced with it, and an invalid field says so to assistive technology.
 */
export interface FormFieldProps {
  id: string;
  /** Defaults to the id. */
  name?: string;
  label: string;
  value?: string;
  type?: string;
  long?: boolean;
  rows?: number;
  dir?: 'ltr' | 'rtl' | 'auto';
  lang?: string;
  help?: string;
  required?: boolean;
  invalid?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'text' | 'email';
}

export function FormField(props: FormFieldProps) {
  const helpId = props.help ? `${props.id}-help` : undefined;
  const common = {
    id: props.id,
    name: props.name ?? props.id,
    dir: props.dir,
    lang: props.lang,
    required: props.required,
    'aria-describedby': helpId,
    'aria-invalid': props.invalid ? ('true' as const) : undefined,
  };
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      {props.long ? (
        <textarea {...common} rows={props.rows ?? 3}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? 'text'} value={props.value ?? ''} autocomplete={props.autocomplete} inputmode={props.inputmode} />
      )}
      {props.help ? (
        <p id={helpId} class="help">
          {props.help}
        </p>
      ) : null}
    </div>
  );
}

/** The direction that fits a field holding text in a known language. */
export function dirOf(lang: string | undefined): 'ltr' | 'rtl' | 'auto' {
  return lang === 'ar' ? 'rtl' : lang === 'en' ? 'ltr' : 'auto';
}
