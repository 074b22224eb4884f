// The widget's styles, applied inside its shadow root (adoptedStyleSheets): the host page's rules do
// not reach in, and these do not leak out. Font and text colour are inherited from the host page;
// the colours below can be set from it through the documented custom properties.

export const WIDGET_CSS = `
:host {
  display: block;
  font: inherit;
  color: var(--replyguard-text, inherit);
  line-height: 1.5;
  text-align: start;
  overflow-wrap: anywhere;
  container-type: inline-size;
  --rg-muted: var(--replyguard-muted, #5f5f5f);
  --rg-border: var(--replyguard-border, #d9d9d9);
  --rg-accent: var(--replyguard-accent, #0b5cad);
  --rg-accent-text: var(--replyguard-accent-text, #ffffff);
  --rg-surface: var(--replyguard-surface, #f6f6f6);
  --rg-field: var(--replyguard-field-background, #ffffff);
  --rg-error: var(--replyguard-error, #b3261e);
  --rg-success: var(--replyguard-success, #1e6b2e);
  --rg-pending: var(--replyguard-pending-background, #fffbea);
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
a { color: var(--rg-accent); }
button, input, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--rg-accent); outline-offset: 2px; }
.comments-title { font-size: 1.3em; margin: 0 0 0.8em; }
.load-status { color: var(--rg-muted); margin: 0 0 1em; }
.load-status.error { color: var(--rg-error); }
.comment-list, .children { list-style: none; margin: 0; padding: 0; }
.children { margin-inline-start: 1.6em; padding-inline-start: 0.9em; border-inline-start: 2px solid var(--rg-border); }
.comment { margin: 0 0 0.9em; }
.comment-body { padding: 0.6em 0 0.4em; border-bottom: 1px solid var(--rg-border); }
.comment-body:focus { outline: none; }
.comment-body:focus-visible { outline: 2px solid var(--rg-accent); }
.comment.pending > .comment-body { background: var(--rg-pending); padding: 0.6em; border: 1px dashed var(--rg-border); }
.comment.not-published > .comment-body { opacity: 0.75; }
.comment-meta { font-size: 0.9em; }
.comment-author { display: flex; align-items: center; gap: 0.5em; flex-wrap: wrap; }
.avatar {
  display: inline-flex; align-items: center; justify-content: center; flex: none;
  width: 2em; height: 2em; border-radius: 50%;
  background: var(--rg-border); color: var(--replyguard-text, inherit); font-weight: 700;
}
.says, .comment-metadata { color: var(--rg-muted); }
.comment-metadata { font-size: 0.85em; margin-inline-start: 2.5em; }
.comment-awaiting-moderation { display: block; margin: 0.3em 0 0; margin-inline-start: 2.5em; font-style: italic; color: var(--rg-muted); }
.comment-not-published { display: block; margin: 0.3em 0 0; margin-inline-start: 2.5em; font-style: italic; color: var(--rg-error); }
.comment-content { margin-inline-start: 2.5em; }
.comment-content p { margin: 0.4em 0; }
.comment.removed > .comment-body .comment-content { margin-inline-start: 0; }
.comment-removed { color: var(--rg-muted); font-style: italic; margin: 0.4em 0; }
.reply { margin-inline-start: 2.5em; font-size: 0.85em; }
.link-button {
  background: none; border: 0; padding: 0.2em 0; cursor: pointer;
  color: var(--rg-accent); font-weight: 600; text-decoration: underline;
}
.show-more {
  display: block; margin: 0.5em 0 1em; padding: 0.5em 1em; cursor: pointer;
  background: transparent; color: var(--rg-accent); border: 1px solid var(--rg-accent); border-radius: 3px;
}
.show-more:disabled { opacity: 0.6; cursor: progress; }
.more-status { color: var(--rg-error); margin: -0.5em 0 1em; }
.more-status:empty { margin: 0; }
.comment-respond { margin-top: 1.2em; padding: 1em 1em 0.3em; background: var(--rg-surface); border-radius: 3px; }
.comment .comment-respond { margin: 0.6em 0 0.6em 2.5em; }
.comment-reply-title { margin: 0 0 0.5em; font-size: 1.15em; }
.comment-reply-title small { font-size: 0.7em; margin-inline-start: 0.5em; }
.comment-form p { margin: 0 0 0.8em; }
.comment-notes { color: var(--rg-muted); font-style: italic; }
.comment-form label { display: block; margin-bottom: 0.2em; font-weight: 600; }
.required { color: var(--rg-error); }
.comment-form input[type='text'], .comment-form input[type='email'], .comment-form input[type='url'], .comment-form textarea {
  display: block; width: 100%; max-width: 100%; padding: 0.5em 0.55em;
  border: 1px solid var(--rg-border); border-radius: 2px; background: var(--rg-field);
}
.comment-form textarea { resize: vertical; min-height: 7em; }
/* As specific as the fields' own rule above, and after it: an invalid input is marked, not only the textarea. */
.comment-form input[aria-invalid='true'], .comment-form textarea[aria-invalid='true'] { border-color: var(--rg-error); border-width: 2px; }
.comment-form-author, .comment-form-email, .comment-form-url { max-width: 26em; }
.field-error { display: block; margin-top: 0.25em; color: var(--rg-error); font-weight: 600; }
.comment-form-extra { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.submit {
  background: var(--rg-accent); color: var(--rg-accent-text); border: 0; border-radius: 3px;
  padding: 0.6em 1.3em; font-weight: 600; cursor: pointer;
}
.submit[aria-disabled='true'] { opacity: 0.6; cursor: progress; }
.form-status { min-height: 1.5em; color: var(--rg-success); }
.form-status.error { color: var(--rg-error); font-weight: 600; }
/* Narrow by the widget's own width (a phone, or a sidebar on a wide page), down to 320 px. */
@container (max-width: 480px) {
  .children { margin-inline-start: 0.5em; padding-inline-start: 0.6em; }
  .comment-metadata, .comment-content, .reply, .comment-awaiting-moderation, .comment-not-published { margin-inline-start: 0; }
  .comment .comment-respond { margin-inline-start: 0; }
  .comment-respond { padding: 0.8em 0.7em 0.2em; }
}
`;
