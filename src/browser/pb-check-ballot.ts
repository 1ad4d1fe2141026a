// /budgeting/check-ballot/: a receipt code in; back, whether that ballot is in the count and what
// it held. The form is the page's own HTML; this script checks the code's shape, asks the
// database (anonymously: the code is the only key) and writes the answer, or the GOV.UK error
// pattern, into the page. A page script, not a React island, to keep this public page light.
import { checkReceipt } from '../lib/api/pb-public';
import { errorMessageHtml, escapeHtml as e } from '../lib/html';
import { receiptCheckHtml } from '../lib/pb/ballot-html';
import { checkReceiptShape } from '../lib/pb/receipt-code';
import { pbProblemWords } from '../lib/pb/refusal-words';
import { onePress } from './one-press';

const form = document.querySelector<HTMLFormElement>('form[data-island="check-ballot"]');
const input = form?.querySelector<HTMLInputElement>('#receipt');
const button = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
const summary = document.getElementById('check-errors');
const answer = document.getElementById('check-answer');

/** The GOV.UK error pattern: the summary (focused, so it is heard) and the message at the field. */
function showError(message?: string) {
  const group = input!.closest('.govuk-form-group')!;
  group.querySelector('#receipt-error')?.remove();
  group.classList.toggle('govuk-form-group--error', Boolean(message));
  input!.classList.toggle('govuk-input--error', Boolean(message));
  input!.setAttribute('aria-describedby', message ? 'receipt-hint receipt-error' : 'receipt-hint');
  if (message) input!.setAttribute('aria-invalid', 'true');
  else input!.removeAttribute('aria-invalid');
  summary!.innerHTML = message
    ? `<div class="govuk-error-summary" role="alert" tabindex="-1" aria-labelledby="check-errors-title">
<h2 class="govuk-error-summary__title" id="check-errors-title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#receipt">${e(message)}</a></li></ul></div></div>`
    : '';
  if (!message) return;
  input!.insertAdjacentHTML('beforebegin', errorMessageHtml('receipt-error', message));
  summary!.querySelector<HTMLElement>('.govuk-error-summary')!.focus();
}

async function check() {
  answer!.innerHTML = '';
  const shape = checkReceiptShape(input!.value);
  if (!shape.ok) return showError(shape.message);
  const result = await checkReceipt({ p_receipt: shape.code }, 'form');
  if (!result.ok) return showError(pbProblemWords(result));
  showError();
  answer!.innerHTML = receiptCheckHtml(result.data);
  answer!.querySelector<HTMLElement>('#check-title')!.focus();
}

if (form && input && button && summary && answer) {
  // The summary's links move to the field, as GOV.UK's script does, without a jump past its label.
  summary.addEventListener('click', (event) => {
    if (!(event.target as HTMLElement).closest('a[href="#receipt"]')) return;
    event.preventDefault();
    input.focus();
  });
  const press = onePress(button, 'Checking…', check);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    press();
  });
}
