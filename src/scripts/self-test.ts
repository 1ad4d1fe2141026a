// The self-test questions: without JavaScript each is a <details> you open to read the answer.
// With it, each becomes "answer, then reveal": choose how true it is for you, then show what
// good looks like. All native controls (radios, a button with aria-expanded), so the keyboard
// and screen readers work as they do everywhere else.
const CHOICES = ['Yes', 'Partly', 'No', 'Not sure'];

function enhance(details: HTMLDetailsElement, n: number, total: number, onReveal: () => void) {
  const summary = details.querySelector('summary');
  if (!summary) return;
  const question = summary.textContent?.trim() ?? '';
  const answer = document.createElement('div');
  answer.id = `self-test-answer-${n}`;
  answer.className = 'wt-self-test__answer';
  answer.hidden = true;
  const said = document.createElement('p');
  said.className = 'govuk-body govuk-!-font-weight-bold';
  answer.append(said, ...[...details.childNodes].filter((node) => node !== summary));

  const block = document.createElement('div');
  block.className = 'wt-self-test__question';
  block.innerHTML = `
    <fieldset class="govuk-fieldset">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
        <span class="govuk-caption-s">Question ${n} of ${total}</span>
      </legend>
      <div class="govuk-radios govuk-radios--small govuk-radios--inline"></div>
    </fieldset>
    <button type="button" class="govuk-button govuk-button--secondary" aria-expanded="false" aria-controls="${answer.id}">Show the answer</button>`;
  const legend = block.querySelector('legend')!;
  legend.append(document.createTextNode(question));
  const radios = block.querySelector('.govuk-radios')!;
  for (const [i, label] of CHOICES.entries()) {
    const id = `self-test-${n}-${i}`;
    const wrap = document.createElement('div');
    wrap.className = 'govuk-radios__item';
    wrap.innerHTML = `<input class="govuk-radios__input" id="${id}" name="self-test-${n}" type="radio" value="${label}"><label class="govuk-label govuk-radios__label" for="${id}">${label}</label>`;
    radios.append(wrap);
  }
  const button = block.querySelector('button')!;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    const chosen = block.querySelector<HTMLInputElement>('input:checked')?.value;
    said.textContent = chosen ? `You said: ${chosen}.` : 'You have not chosen an answer. That is fine.';
    answer.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide the answer' : 'Show the answer';
    if (open) onReveal();
  });
  block.append(answer);
  details.replaceWith(block);
}

const all = [...document.querySelectorAll<HTMLDetailsElement>('details.self-test')];
const progress = document.createElement('p');
progress.className = 'govuk-body wt-self-test__progress';
progress.setAttribute('role', 'status');
const seen = new Set<number>();
all.forEach((details, i) =>
  enhance(details, i + 1, all.length, () => {
    seen.add(i);
    progress.textContent = `You have looked at ${seen.size} of ${all.length} answers.`;
  }),
);
document.querySelector('.wt-self-test__question:last-of-type')?.after(progress);
