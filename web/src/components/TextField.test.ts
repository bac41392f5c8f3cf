import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { TextArea, TextField } from './TextField'

// The labelled text field the admin console's forms share: label, hint and error tied to the control.

const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el)

describe('TextField', () => {
  it('ties the label to the input and describes it by its hint', () => {
    const out = html(createElement(TextField, { id: 'f', label: 'Abteilung', hint: 'z. B. asylum', value: 'x', onChange: () => {} }))
    expect(out).toContain('<label class="kern-label" for="f">Abteilung</label>')
    expect(out).toContain('<div class="kern-hint" id="f-hint">z. B. asylum</div>')
    expect(out).toMatch(/<input[^>]* id="f" class="kern-form-input__input" aria-describedby="f-hint"/)
    expect(out).not.toContain('aria-invalid')
    expect(out).not.toContain('role="alert"')
  })

  it('with an error: message with role alert, aria-invalid, error first in aria-describedby, KERN error styles', () => {
    const out = html(
      createElement(TextField, {
        id: 'f',
        label: 'Name',
        hint: 'Kleinbuchstaben',
        error: 'Der Name fehlt.',
        value: '',
        onChange: () => {},
      }),
    )
    expect(out).toContain('<div class="kern-form-input kern-form-input--error">')
    expect(out).toMatch(/<p id="f-error" class="kern-error" role="alert">.*Der Name fehlt\.<\/span><\/p>/)
    expect(out).toMatch(
      /<input[^>]* id="f" class="kern-form-input__input kern-form-input__input--error" aria-invalid="true" aria-describedby="f-error f-hint"/,
    )
  })

  it('without hint or error the input has no aria-describedby; a generated id still ties the label', () => {
    const out = html(createElement(TextField, { label: 'Suche', type: 'search', name: 'suche', defaultValue: '' }))
    const id = /<label class="kern-label" for="([^"]+)">Suche<\/label>/.exec(out)?.[1]
    expect(id).toBeTruthy()
    expect(out).toContain(`id="${id}"`)
    expect(out).toMatch(/<input type="search" [^>]*name="suche"/)
    expect(out).not.toContain('aria-describedby')
  })

  it('TextArea: a textarea with the extra input class and the field content after it', () => {
    const out = html(
      createElement(
        TextArea,
        { id: 'g', label: 'Begründung', inputClassName: 'code', rows: 3, className: 'gov-reason', value: '', onChange: () => {} },
        'nachher',
      ),
    )
    expect(out).toContain('<div class="kern-form-input gov-reason">')
    expect(out).toMatch(/<textarea rows="3" id="g" class="kern-form-input__input code"><\/textarea>nachher<\/div>$/)
  })
})
