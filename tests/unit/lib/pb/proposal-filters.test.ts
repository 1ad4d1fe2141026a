// The proposals list's filters live in the address: read back what was written, ignore junk.
import { describe, expect, it } from 'vitest';
import { filtersQuery, isFiltered, listArgs, pageCount, PAGE_SIZE, parseFilters } from '../../../../src/lib/pb/proposal-filters';

const WARD = '00000000-0000-4000-a002-000000000100';

describe('proposal filters in the query string', () => {
  it('round-trips every filter', () => {
    const f = { p: 'chest', ward: WARD, category: '', status: 'feasible' as const, q: 'bike hub', page: 3 };
    expect(parseFilters(filtersQuery(f))).toEqual(f);
    expect(filtersQuery(f)).toBe(`?p=chest&ward=${WARD}&status=feasible&q=bike+hub&page=3`);
  });

  it('leaves out what is not set, and page 1', () => {
    expect(filtersQuery(parseFilters('?p=chest&page=1'))).toBe('?p=chest');
    expect(isFiltered(parseFilters('?p=chest&page=2'))).toBe(false);
    expect(isFiltered(parseFilters('?p=chest&q=x'))).toBe(true);
  });

  it('ignores statuses the public cannot list and pages that are not pages', () => {
    for (const status of ['hidden', 'withdrawn', 'merged', 'nonsense']) expect(parseFilters(`?p=c&status=${status}`).status).toBe('');
    for (const page of ['0', '-1', '2.5', 'x', '1000001']) expect(parseFilters(`?p=c&page=${page}`).page).toBe(1);
    expect(parseFilters(`?p=c&q=${'a'.repeat(500)}`).q).toHaveLength(200);
  });

  it('sends only uuids as ward and category, and the page size', () => {
    expect(listArgs('pid', parseFilters(`?p=c&ward=${WARD}&category=junk&q=%20%20`))).toEqual({
      p_process_id: 'pid',
      p_ward_id: WARD,
      p_category_id: null,
      p_status: null,
      p_search: null,
      p_page: 1,
      p_page_size: PAGE_SIZE,
    });
  });

  it('counts pages, at least one', () => {
    expect([pageCount(0), pageCount(PAGE_SIZE), pageCount(PAGE_SIZE + 1)]).toEqual([1, 1, 2]);
  });
});
