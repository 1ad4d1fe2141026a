-- What the signed-in person may do beyond their rounds: run grants (officer) or read the audit
-- trail (scrutiny). Screens use it to offer only what the database would allow; the database
-- still checks every call itself. An officer or scrutiny member may be on no round at all, so
-- my_rounds cannot tell them.

create function api.my_access()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object('is_officer', private.is_officer(), 'is_scrutiny', private.is_scrutiny())
$$;

revoke execute on function api.my_access() from public;
grant execute on function api.my_access() to authenticated;

comment on function api.my_access() is 'Whether the caller is a grants officer or on the scrutiny committee.';
