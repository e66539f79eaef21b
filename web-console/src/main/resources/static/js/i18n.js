// The console's two languages, zh-CN and en. Each page module adds its own words with addMessages; the shared ones
// (navigation, states, vocabulary) are in messages.js. A missing word shows its key, so that it is seen and fixed.
import { remembered, remember } from './session.js';

export const LANGUAGES = ['zh-CN', 'en'];
const dictionaries = { 'zh-CN': {}, en: {} };
let current = remembered('language', navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
if (!LANGUAGES.includes(current)) current = 'en';

export function addMessages(messages) {
  LANGUAGES.forEach(language => Object.assign(dictionaries[language], messages[language]));
}

export function language() {
  return current;
}

export function setLanguage(language) {
  current = LANGUAGES.includes(language) ? language : 'en';
  remember('language', current);
  document.documentElement.lang = current;
}

/** The words for a key in the current language, with {name} replaced by vars.name. */
export function t(key, vars = {}) {
  const text = dictionaries[current][key] ?? dictionaries.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (vars[name] ?? whole));
}

/** The words for one value of a vocabulary, e.g. term('category', 'BILLING'); the value itself when unknown. */
export function term(vocabulary, value) {
  if (value === null || value === undefined) return '';
  const key = `${vocabulary}.${value}`;
  const text = t(key);
  return text === key ? String(value) : text;
}
