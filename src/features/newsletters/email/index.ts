// Newsletter emails rendered with MJML: one issue (rendered once, personalised by placeholder) and the
// double opt-in confirmation. See issue-email.ts for the placeholder contract.
export { renderIssueEmail, fillRecipientPlaceholders, type EmailStory, type IssueEmailInput, type RenderedEmail } from './issue-email.js';
export { renderConfirmationEmail, type ConfirmationEmailInput } from './confirmation-email.js';
export { RECIPIENT_PLACEHOLDER } from './email-layout.js';
