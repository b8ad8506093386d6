import type { Translator } from '../../../platform/i18n/i18n.js';

/** A labelled input: the label is always visible and tied to the field, errors are announced. */
export function Field(props: {
  id: string;
  name: string;
  label: string;
  type?: string;
  value?: string;
  autocomplete?: string;
  required?: boolean;
  dir?: 'ltr' | 'rtl' | 'auto';
  inputmode?: 'numeric' | 'text' | 'email';
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required}
        dir={props.dir}
        inputmode={props.inputmode}
      />
    </div>
  );
}

export function PasswordField(props: { t: Translator; id?: string; name?: string; label?: string; autocomplete: 'current-password' | 'new-password' }) {
  return (
    <Field
      id={props.id ?? 'password'}
      name={props.name ?? 'password'}
      type="password"
      dir="ltr"
      label={props.label ?? props.t.t('admin.signIn.password')}
      autocomplete={props.autocomplete}
      required
    />
  );
}
