// Builds elements without innerHTML, so that nothing a customer typed can become markup.

/**
 * h('button', {type: 'button', onclick: f, class: 'primary'}, 'Save') — attributes starting with "on" are listeners,
 * null or false attributes are left out, children may be strings, nodes, arrays or null.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === null || value === undefined || value === false) return;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  });
  append(element, children);
  return element;
}

function append(element, children) {
  children.flat(Infinity).forEach(child => {
    if (child === null || child === undefined || child === false) return;
    element.append(child instanceof Node ? child : String(child));
  });
}

/** Replaces what the element holds. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A form's fields as the JSON the API takes: names with dots nest ("customer.phone"), empty fields are left out. */
export function formJson(form) {
  const json = {};
  new FormData(form).forEach((value, name) => {
    const text = typeof value === 'string' ? value.trim() : value;
    if (text === '') return;
    const path = name.split('.');
    let target = json;
    path.slice(0, -1).forEach(part => { target = target[part] ??= {}; });
    target[path[path.length - 1]] = text;
  });
  return json;
}

/**
 * Shows each field error of an ApiError next to its field (the element whose name is the error's field), and the
 * rest at the top of the form; returns whether any were shown.
 */
export function showFieldErrors(form, error, t) {
  clearFieldErrors(form);
  const general = [];
  Object.entries(error.fieldErrors || {}).forEach(([field, message]) => {
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (!input) {
      general.push(`${field}: ${message}`);
      return;
    }
    input.setAttribute('aria-invalid', 'true');
    const note = h('span', { class: 'field-error', id: `${input.id || field}-error`, role: 'alert' }, message);
    input.setAttribute('aria-describedby', note.id);
    input.closest('label, .field')?.append(note) ?? input.after(note);
  });
  if (general.length || !Object.keys(error.fieldErrors || {}).length) {
    form.prepend(h('p', { class: 'form-error', role: 'alert' }, general.length ? general.join('; ') : describe(error, t)));
  }
  return true;
}

export function clearFieldErrors(form) {
  form.querySelectorAll('.field-error, .form-error').forEach(note => note.remove());
  form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
}

/** An ApiError in words for the person at the console. */
export function describe(error, t) {
  if (error.unavailable) return t('error.unavailable');
  return [error.title, error.detail].filter(Boolean).join(': ') || t('error.unknown');
}
