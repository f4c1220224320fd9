// Copy buttons for commands and BibTeX. The buttons are hidden in the HTML and shown here, so without scripts
// the page simply has selectable text.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const target = document.getElementById(button.dataset.copy);
    if (!target) return;
    let copied = false;
    try {
      await navigator.clipboard.writeText(target.textContent);
      copied = true;
    } catch {
      const range = document.createRange();
      range.selectNodeContents(target);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      copied = document.execCommand("copy");
    }
    button.textContent = copied ? "Copied" : "Selected: press Ctrl+C";
    setTimeout(() => (button.textContent = label), 2000);
  });
}

// The table of contents folds itself away once a section is chosen.
for (const toc of document.querySelectorAll("details.toc-details")) {
  toc.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) toc.open = false;
  });
}
