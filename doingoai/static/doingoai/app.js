// Progressive enhancement only: every page works without this file.
document.addEventListener("htmx:responseError", function (event) {
  const status = event.detail.xhr.status;
  if (status === 403 || status === 404) {
    window.location.reload();
  }
});
