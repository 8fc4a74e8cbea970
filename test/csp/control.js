// A deliberate Trusted Types violation for the control page: a plain string where a script URL
// must be a TrustedScriptURL. The policy blocks it (a TypeError) and reports it.
try {
  document.createElement('script').src = '/test/csp/never-loaded.js';
} catch {
  window.trustedTypesBlocked = true;
}
