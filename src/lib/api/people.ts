// Wrappers of the api functions about people: what the caller may do beyond their rounds, and
// looking people up to add them to a panel (officers only).
import { defineApi } from './define';

/** api.my_access: whether the caller is a grants officer or on the scrutiny committee. */
export interface MyAccess {
  is_officer: boolean;
  is_scrutiny: boolean;
}

export const getMyAccess = defineApi<MyAccess>('my_access', []);

/** A person officers may add to a panel or as a reviewer (api.list_people). */
export interface Person {
  id: string;
  display_name: string;
  email: string;
  is_officer: boolean;
  is_scrutiny: boolean;
}

export const listPeople = defineApi<Person[], { p_search?: string | null }>('list_people', ['p_search']);
