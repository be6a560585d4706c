// Dashboard (Pages/Dashboard): keeps the page usable while htmx replaces the figures every few seconds.
// Loaded from the server itself; the Content-Security-Policy allows no inline script.
"use strict";

// Tables the user opened (<details>) stay open across a refresh.
let openDetails = [];
document.addEventListener("htmx:beforeSwap", (event) => {
    if (event.detail.target.id !== "dashboard") return;
    // A response without the figures is the sign-in page (the session ended) or an error page: load the page
    // properly instead of swapping it into the dashboard.
    if (event.detail.xhr.status === 200 && !event.detail.serverResponse.includes('id="dashboard-figures"')) {
        event.detail.shouldSwap = false;
        window.location.reload();
        return;
    }
    openDetails = [...event.detail.target.querySelectorAll("details[open][id]")].map((details) => details.id);
});
document.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target.id !== "dashboard") return;
    for (const id of openDetails) document.getElementById(id)?.setAttribute("open", "");
});
