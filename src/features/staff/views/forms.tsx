import { FormField as Field } from '../../../http/components/form-field.js';
import type { Translator } from '../../../platform/i18n/i18n.js';

export { FormField as Field } from '../../../http/components/form-field.js';

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
