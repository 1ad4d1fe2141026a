// The self-test questions: without JavaScript each is a <details> you open to read the answer.
// With it, each becomes "answer, then reveal": write your own answer first (it never leaves the
// page), then show ours beside it. Native controls only (a labelled text box, a button with
// aria-expanded), so the keyboard and screen readers work as they do everywhere else.

function enhance(details: HTMLDetailsElement, n: number, total: number, onReveal: () => void) {
  const summary = details.querySelector('summary');
  if (!summary) return;
  const question = summary.textContent?.trim() ?? '';
  const answer = document.createElement('div');
  answer.id = `self-test-answer-${n}`;
  answer.className = 'wt-self-test__answer';
  answer.hidden = true;
  const said = document.createElement('p');
  said.className = 'govuk-body';
  const ours = document.createElement('div');
  ours.append(
    ...[...(details.querySelector('.govuk-details__text, div')?.childNodes ?? details.childNodes)].filter((node) => node !== summary),
  );
  answer.append(said, ours);

  const block = document.createElement('div');
  block.className = 'wt-self-test__question';
  block.innerHTML = `
    <h2 class="govuk-heading-s"><span class="govuk-caption-s">Question ${n} of ${total}</span></h2>
    <div class="govuk-form-group">
      <label class="govuk-label" for="self-test-${n}">Your answer (you do not have to write one; it stays on this page)</label>
      <textarea class="govuk-textarea" id="self-test-${n}" rows="3"></textarea>
    </div>
    <button type="button" class="govuk-button govuk-button--secondary" aria-expanded="false" aria-controls="${answer.id}">Show the answer</button>`;
  block.querySelector('h2')!.append(document.createTextNode(question));
  const box = block.querySelector('textarea')!;
  const button = block.querySelector('button')!;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    const written = box.value.trim();
    said.textContent = written ? `You wrote: “${written}”. Here is our answer to compare:` : 'Here is our answer:';
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
