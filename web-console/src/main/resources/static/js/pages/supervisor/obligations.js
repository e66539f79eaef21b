// Every open promise to a customer (承诺兑现), soonest due first, overdue ones marked, each with a "Waive" form (a
// reason is required; the service says so next to the field). The list is read again whenever the tab is shown and on
// Refresh; the tab counts the open ones.
import { obligationsPanel } from '../../obligations.js';

export function obligationsPart(setCount) {
  const panel = obligationsPanel('open-obligations', 'obligations.openTitle', { status: 'OPEN' }, ['waive'], setCount);
  return { element: panel.element, shown: panel.reload };
}
