/**
 * Focuses the first of these controls in the order of the page, once the render that shows the
 * messages (and any field a message brings into view) has happened.
 */
export function focusFirstControl(controlIds: readonly string[]): void {
  window.setTimeout(() => {
    const [first] = controlIds
      .map((id) => document.getElementById(id))
      .filter((element): element is HTMLElement => element !== null)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    first?.focus();
  }, 0);
}
