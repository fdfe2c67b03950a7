// Decap CMS waits for CMS.init(), called by editor.mjs once the site's format and widgets are registered.
window.CMS_MANUAL_INIT = true;
