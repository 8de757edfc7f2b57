// The embed builder's "Copy the snippet" button (progressive enhancement: without JavaScript,
// or without the Clipboard API, the snippet is still there to select and copy by hand).
document.addEventListener("DOMContentLoaded", () => {
  const area = document.querySelector("[data-copy-area]");
  if (!area || !navigator.clipboard) {
    return;
  }
  const button = area.querySelector("[data-copy-from]");
  const status = area.querySelector("[data-copy-status]");
  const source = document.getElementById(button.dataset.copyFrom);
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(source.value).then(
      () => { status.textContent = "Copied. Paste it into your website's HTML."; },
      () => { status.textContent = "Your browser did not allow copying: select the snippet and copy it."; },
    );
  });
  area.hidden = false;
});
