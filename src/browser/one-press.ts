// One press, one request, for page scripts' buttons (as useOnce is for islands): while the work
// runs the button says so and stays focusable (aria-disabled rather than disabled, so a screen
// reader user is not dropped), and further presses do nothing.
export function onePress(button: HTMLButtonElement, busyLabel: string, work: () => Promise<unknown>): () => void {
  const label = button.textContent ?? '';
  let busy = false;
  return () => {
    if (busy) return;
    busy = true;
    button.setAttribute('aria-disabled', 'true');
    button.textContent = busyLabel;
    void work().finally(() => {
      busy = false;
      button.removeAttribute('aria-disabled');
      button.textContent = label;
    });
  };
}
