// Starts govuk-frontend's components, and moves keyboard focus sensibly after htmx updates a part of
// the page. Every page also works without this file.
import { initAll } from '../../vendor/govuk-frontend/govuk-frontend.min.js'

initAll()

function firstField (element) {
  return element && element.querySelector('input:not([type=hidden]), select, textarea')
}

document.body.addEventListener('htmx:afterSwap', function (event) {
  const target = event.detail.target
  if (!target) {
    return
  }
  if (target.matches('[data-mention-rows]')) {
    // "Add another": focus the first field of the row just added.
    const rows = target.querySelectorAll('[data-mention-row]')
    const field = firstField(rows[rows.length - 1])
    if (field) { field.focus() }
  }
})

document.body.addEventListener('htmx:afterSettle', function (event) {
  const target = event.detail.target
  if (target && target.id === 'child1-fields') {
    // A known child was picked: move to the filled-in details.
    const fieldset = document.getElementById('child1-fields')
    const field = firstField(fieldset)
    if (field) { field.focus() }
  }
})
