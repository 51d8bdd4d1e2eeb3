import { act, fireEvent, screen, waitFor } from '@testing-library/react'

/** The text of the first element matching `selector`, '' when there is none. */
export const text = (container: ParentNode, selector: string) => container.querySelector(selector)?.textContent ?? ''

/** The texts of every element matching `selector`, in document order. */
export const texts = (root: ParentNode, selector: string) => Array.from(root.querySelectorAll(selector)).map((n) => n.textContent)

/** Taps an element that must be there, letting what it sets off settle. */
export const click = async (el: Element | null | undefined) => {
  expect(el).toBeTruthy()
  await act(async () => {
    ;(el as HTMLElement).click()
  })
}

/** Taro's h5 Input is a web component that renders a native <input> a moment later: types into the one inside `el`. */
export async function typeInto(el: Element | null, value: string) {
  expect(el).toBeTruthy()
  const input = await waitFor(() => {
    const found = el!.querySelector('input')
    expect(found).toBeTruthy()
    return found as HTMLInputElement
  })
  await act(async () => {
    fireEvent.input(input, { target: { value } })
  })
}

/** Types into the Taro Input at `selector` once its native <input> is there. */
export async function type(container: HTMLElement, selector: string, value: string) {
  const input = await waitFor(() => {
    const el = container.querySelector(`${selector} input`)
    expect(el).toBeTruthy()
    return el as HTMLInputElement
  })
  await act(async () => {
    fireEvent.input(input, { target: { value } })
  })
}

/** Lets every answer land and any effect they set off run. */
export const settle = () => act(async () => new Promise((res) => setTimeout(res, 50)))

/**
 * NutUI's Dialog and Popup animate with react-transition-group, which React 18 warns about
 * (findDOMNode): library noise, kept out of the test output; every other console error still prints.
 */
export function hideFindDOMNodeWarnings(): void {
  const realError = console.error
  beforeAll(() => {
    jest.spyOn(console, 'error').mockImplementation((message: unknown, ...rest: unknown[]) => {
      if (!String(message).includes('findDOMNode')) realError(message, ...rest)
    })
  })
}

/** Taps the element showing `label` (it must be on screen), letting what it sets off settle. */
export const tapText = async (label: string) => {
  await act(async () => {
    screen.getByText(label).click()
  })
}
