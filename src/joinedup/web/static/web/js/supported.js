// Runs before the page is drawn: tells govuk-frontend's CSS that JavaScript (and modules) work.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
