// The agent's page (to be built).
import { h } from '../dom.js';
import { t } from '../i18n.js';

export default {
  mount(container) {
    container.append(h('h2', {}, t('nav.agent')));
    return () => {};
  },
};
