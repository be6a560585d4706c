// ScanPipeline's only script (besides htmx): keyboard work at the verification station.
// Loaded from the server itself; the Content-Security-Policy allows no inline script.
"use strict";

document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    if (typing) return;

    // 1, 2, 3: accept the model's first, second or third suggestion.
    const button = document.querySelector(`button[data-shortcut="${event.key}"]`);
    if (button) {
        event.preventDefault();
        button.click();
        return;
    }
    // "/": jump to the searchable list of all types.
    const field = document.querySelector(`[data-shortcut-focus="${event.key}"]`);
    if (field) {
        event.preventDefault();
        field.focus();
    }
});
