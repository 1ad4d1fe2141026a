-- The Co-production Tree (leaves anyone can add, shown once an officer approves them) and the one
-- moderation queue officers use for every kind of public submission: tree leaves, PB proposals
-- and (from its own topic file) project updates. Each kind plugs in with two functions:
--   private.moderation_items_<kind>()                   its items, in the queue's one shape;
--   private.moderate_<kind>(p_id, p_action, p_note)     one decision, checked and recorded;
-- and by being named in private.moderation_kinds(). Moderation deletes nothing: hidden is a status,
-- and 'restore' brings it back to be looked at again. Words: src/lib/refusals/moderation.ts and tree.ts.

/** Section - The lists the queue is built on */

-- Where an item stands, the same words for every kind. src/lib/moderation/lists.ts lists the same
-- (tests/db/moderation/lists.test.ts compares them).
create type private.moderation_status as enum ('waiting', 'approved', 'returned', 'hidden');

-- What an officer can decide. Return needs a note and hide a reason (private.moderation_note).
create function private.moderation_actions()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array['approve', 'return', 'hide', 'restore']
$$;

-- The kinds in the queue, each with its private.moderation_items_<kind>() and private.moderate_<kind>().
-- Adding a kind is adding its name here.
create function private.moderation_kinds()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array['tree', 'pb', 'updates']
$$;

/** Section - Who moderates, and the record of each decision */

-- Officers moderate (private.people.is_officer). 401 for a caller who is not signed in, 403 for
-- anyone else; the transaction's audit events are marked as a moderator's.
create function private.require_moderator()
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
begin
  if private.caller() is null then
    perform private.refuse('PT401', 'sign_in_needed', 'Sign in to do this.');
  end if;
  if not private.is_officer() then
    perform private.refuse('PT403', 'not_moderator', 'Only council officers can moderate what the public sends in.');
  end if;
  perform private.set_audit_context('moderator');
  return private.caller();
end
$$;

-- Every decision on every kind, in one place: who decided what and why. Rows are only added
-- (each insert is an audit event); a later decision on the same item is a new row.
create table private.moderation_decisions (
  id bigint generated always as identity primary key,
  kind text not null,
  item_id uuid not null,
  action text not null check (action in ('approve', 'return', 'hide', 'restore')),
  note text check (length(note) <= 1000),
  decided_by uuid not null references private.people (id),
  decided_at timestamptz not null default now()
);
create index moderation_decisions_item on private.moderation_decisions (kind, item_id, decided_at desc);
alter table private.moderation_decisions enable row level security;
revoke all on private.moderation_decisions from public, anon, authenticated, service_role;
select private.audit_table('private.moderation_decisions');

-- The note an action needs, trimmed: return says what to change, hide gives the reason. Refuses
-- (400) a missing one, or one over 1,000 characters; approve and restore may carry a note too.
create function private.moderation_note(p_action text, p_note text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v text := nullif(btrim(coalesce(p_note, '')), '');
begin
  if v is null and p_action = 'return' then
    perform private.refuse('P0001', 'note_needed', 'Say what needs to change before returning it.', 'note');
  elsif v is null and p_action = 'hide' then
    perform private.refuse('P0001', 'reason_needed', 'Give the reason for hiding it.', 'note');
  end if;
  if length(v) > 1000 then
    perform private.refuse('P0001', 'note_too_long', format('Keep the note to 1,000 characters or fewer (it is %s).', length(v)),
      'note', null, jsonb_build_object('max', 1000, 'length', length(v)));
  end if;
  return v;
end
$$;

-- Records one decision (after the kind's own function has made it).
create function private.record_moderation(p_kind text, p_id uuid, p_action text, p_note text)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  insert into private.moderation_decisions (kind, item_id, action, note, decided_by)
  values (p_kind, p_id, p_action, p_note, private.caller())
$$;

-- Refuses (409) an action the item's status does not allow: approve what is waiting or returned,
-- return what is waiting or approved, hide anything not hidden, restore only what is hidden.
create function private.require_moderation_status(p_status private.moderation_status, p_action text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if not p_status = any (case p_action
      when 'approve' then array['waiting', 'returned']
      when 'return' then array['waiting', 'approved']
      when 'hide' then array['waiting', 'approved', 'returned']
      else array['hidden'] end::private.moderation_status[]) then
    perform private.refuse('PT409', 'not_now', format('This cannot be done to something %s.', p_status), 'action', null,
      jsonb_build_object('status', p_status, 'action', p_action));
  end if;
end
$$;

/** Section - Tree leaves */

-- A leaf: an example of co-production someone took part in or knows about. No account: the name
-- is a first name, or null for "anonymous". Only approved leaves are public.
create table private.tree_leaves (
  id uuid primary key default gen_random_uuid(),
  what text not null check (length(btrim(what)) between 1 and 300),
  who text check (length(who) <= 300),
  what_changed text not null check (length(btrim(what_changed)) between 1 and 500),
  name text check (length(btrim(name)) between 1 and 40),
  -- Sent from the easy-read pages, so officers know to read it kindly (and keep its words).
  easy_read boolean not null default false,
  status private.moderation_status not null default 'waiting',
  -- The last decision's note: what to change (returned) or why it is hidden.
  note text check (length(note) <= 1000),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by uuid references private.people (id),
  check (status not in ('returned', 'hidden') or note is not null)
);
create index tree_leaves_status on private.tree_leaves (status, created_at);
alter table private.tree_leaves enable row level security;
revoke all on private.tree_leaves from public, anon, authenticated, service_role;
select private.audit_table('private.tree_leaves');

/** Section - Tree: limits on sending leaves */

-- The one place the limits live: per client address, and from everyone together (so a flood
-- from many addresses cannot bury the queue). The tests read them from here.
create function private.tree_limits()
returns table (per_address int, address_window interval, per_everyone int, everyone_window interval)
language sql
immutable
set search_path = ''
as $$
  select 10, interval '1 hour', 200, interval '1 hour'
$$;

-- When leaves were sent and from which address, as a hash, kept only for the window. Not audited
-- (bookkeeping like pb_code_attempts); no grants, read only by the functions below.
create table private.tree_leaf_sends (
  id bigint generated always as identity primary key,
  address_hash text not null,
  at timestamptz not null default now()
);
create index tree_leaf_sends_address on private.tree_leaf_sends (address_hash, at);
create index tree_leaf_sends_at on private.tree_leaf_sends (at);
alter table private.tree_leaf_sends enable row level security;
revoke all on private.tree_leaf_sends from public, anon, authenticated, service_role;

-- The caller's address as the API's proxy saw it: the first x-forwarded-for entry of PostgREST's
-- request.headers (Supabase's gateway sets it; the local stand-in sets it from the socket and
-- ignores any the client sent). Hashed, so the table holds no address; 'unknown' shares one bucket.
create function private.tree_address_hash()
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_headers jsonb;
begin
  begin
    v_headers := nullif(current_setting('request.headers', true), '')::jsonb;
  exception when others then
    v_headers := null;
  end;
  return encode(extensions.digest('tree-leaf:' || coalesce(nullif(btrim(split_part(v_headers ->> 'x-forwarded-for', ',', 1)), ''), 'unknown'),
    'sha256'), 'hex');
end
$$;

-- Refuses (429) a leaf from an address that sent too many lately, or from anyone while too many
-- came from everyone; otherwise counts this one. The lock orders one address's sends, so two
-- tabs cannot both slip under the limit. Old sends are forgotten here.
create function private.tree_send_guard()
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  l record;
  v_hash text := private.tree_address_hash();
  v_oldest timestamptz;
  v_scope text;
begin
  select * into l from private.tree_limits();
  perform pg_advisory_xact_lock(hashtextextended('tree_leaf_sends:' || v_hash, 0));
  delete from private.tree_leaf_sends s where s.at <= now() - greatest(l.address_window, l.everyone_window);
  select min(x.at) into v_oldest from (select s.at from private.tree_leaf_sends s where s.address_hash = v_hash and s.at > now() - l.address_window
    order by s.at desc limit l.per_address) x having count(*) >= l.per_address;
  v_scope := case when v_oldest is not null then 'address' end;
  if v_scope is null then
    select min(x.at) into v_oldest from (select s.at from private.tree_leaf_sends s where s.at > now() - l.everyone_window
      order by s.at desc limit l.per_everyone) x having count(*) >= l.per_everyone;
    v_scope := case when v_oldest is not null then 'everyone' end;
  end if;
  if v_scope is not null then
    perform private.refuse('PT429', 'too_many_leaves',
      case v_scope when 'address' then 'Many leaves have been sent from here in the last hour. Try again later.'
                   else 'Very many leaves have been sent in the last hour. Try again later.' end,
      null, null, jsonb_build_object('scope', v_scope,
        'retry_after', greatest(1, ceil(extract(epoch from v_oldest + case v_scope when 'address' then l.address_window else l.everyone_window end - now())))::int));
  end if;
  insert into private.tree_leaf_sends (address_hash) values (v_hash);
end
$$;

/** Section - Tree: adding a leaf and reading the tree */

-- One answer of a leaf, trimmed, control characters taken out: required or not, at most p_max,
-- and without web addresses (links are what spam is for; a leaf is read without them).
create function private.tree_text(p_value text, p_field text, p_max int, p_required boolean)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v text := nullif(btrim(regexp_replace(coalesce(p_value, ''), '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]', '', 'g')), '');
begin
  if v is null and p_required then
    perform private.refuse('P0001', 'leaf_answer_needed', 'Please answer this question.', p_field);
  end if;
  if length(v) > p_max then
    perform private.refuse('P0001', 'leaf_too_long', format('Keep this to %s characters or fewer (it is %s).', p_max, length(v)),
      p_field, null, jsonb_build_object('max', p_max, 'length', length(v)));
  end if;
  if v ~* '(https?://|www\.|\m[a-z0-9-]+\.(com|net|org|info|biz|ru|xyz|top)\M)' then
    perform private.refuse('P0001', 'leaf_no_links', 'Please take out the web address: leaves cannot hold links.', p_field);
  end if;
  return v;
end
$$;

-- Anyone may send a leaf, signed in or not; it waits for an officer. p_website is the form's
-- hidden field: people never see it, form-filling robots fill it, and so a leaf with it is
-- refused and nothing is kept. A first name, or nothing (or "anonymous") for no name.
create function api.tree_add_leaf(p_what text, p_what_changed text, p_who text default null, p_name text default null,
                                  p_website text default null, p_easy_read boolean default false)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_what text;
  v_who text;
  v_changed text;
  v_name text;
  v_id uuid;
begin
  if nullif(btrim(coalesce(p_website, '')), '') is not null then
    perform private.refuse('P0001', 'leaf_not_taken', 'We could not take this leaf. Please try again.');
  end if;
  v_what := private.tree_text(p_what, 'what', 300, true);
  v_who := private.tree_text(p_who, 'who', 300, false);
  v_changed := private.tree_text(p_what_changed, 'what_changed', 500, true);
  v_name := private.tree_text(p_name, 'name', 40, false);
  if lower(v_name) in ('anonymous', 'anon', 'anonymously') then
    v_name := null;
  end if;
  perform private.tree_send_guard();
  perform private.set_audit_context('public');
  insert into private.tree_leaves (what, who, what_changed, name, easy_read)
  values (v_what, v_who, v_changed, v_name, coalesce(p_easy_read, false))
  returning id into v_id;
  return jsonb_build_object('id', v_id, 'status', 'waiting');
end
$$;
select private.grant_api(array['tree_add_leaf'], array['anon', 'authenticated', 'service_role']);

-- The tree as everyone sees it: approved leaves only, the newest 500, oldest first (the tree
-- grows). The name is null for anonymous.
create function api.tree_leaves()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('id', x.id, 'what', x.what, 'who', x.who, 'what_changed', x.what_changed,
                                               'name', x.name, 'approved_at', x.decided_at) order by x.decided_at, x.id), '[]')
  from (select l.* from private.tree_leaves l where l.status = 'approved' order by l.decided_at desc, l.id limit 500) x
$$;
select private.grant_api(array['tree_leaves'], array['anon', 'authenticated', 'service_role']);

/** Section - Tree leaves in the queue */

-- Leaves in the queue's shape. The excerpt holds the rest of the leaf, so the officer reads all of it.
create function private.moderation_items_tree()
returns table (kind text, id uuid, title text, excerpt text, submitted_at timestamptz, status text, note text, link text)
language sql
stable
security definer
set search_path = ''
as $$
  select 'tree', l.id, l.what,
         concat_ws(E'\n', 'Who was involved: ' || l.who, 'What changed: ' || l.what_changed,
                   'From: ' || coalesce(l.name, 'anonymous') || case when l.easy_read then ' (easy read)' else '' end),
         l.created_at, l.status::text, l.note, '/tree/'
  from private.tree_leaves l
$$;

-- One decision on a leaf. A leaf has no account behind it, so a return's note tells nobody: it
-- keeps the leaf off the tree with the reason, for officers, until one approves or hides it.
-- Every kind's moderate_<kind> checks its own callers and ends with private.record_moderation.
create function private.moderate_tree(p_id uuid, p_action text, p_note text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.tree_leaves;
  v_note text;
begin
  perform private.require_moderator();
  select * into v from private.tree_leaves l where l.id = p_id for update;
  if v.id is null then
    perform private.refuse('PT404', 'item_not_found', 'We could not find that item.', 'id');
  end if;
  v_note := private.moderation_note(p_action, p_note);
  perform private.require_moderation_status(v.status, p_action);
  update private.tree_leaves l
  set status = case p_action when 'approve' then 'approved' when 'return' then 'returned' when 'hide' then 'hidden' else 'waiting' end::private.moderation_status,
      note = case when p_action in ('return', 'hide') then v_note end,
      decided_at = now(), decided_by = private.caller()
  where l.id = v.id;
  perform private.record_moderation('tree', v.id, p_action, v_note);
end
$$;

/** Section - PB proposals in the queue */

-- Proposals of the processes the caller runs (only they may moderate them). PB keeps its own
-- statuses; the queue reads them as: hidden, checked by feasibility (approved), or submitted,
-- where the newest approve or return since the proposal last changed says which (an edit by the
-- proposer, or showing it again, puts it back to waiting). Withdrawn and merged ones are done with.
create function private.moderation_items_pb()
returns table (kind text, id uuid, title text, excerpt text, submitted_at timestamptz, status text, note text, link text)
language sql
stable
security definer
set search_path = ''
as $$
  select 'pb', p.id, format('P-%s %s', lpad(p.number::text, 3, '0'), p.title),
         concat_ws(E'\n', p.summary, p.details, 'Process: ' || pr.title, 'Estimated cost: £' || to_char(p.estimated_cost, 'FM999,999,999,990.00')),
         p.created_at,
         case when p.status = 'hidden' then 'hidden'
              when p.status <> 'submitted' then 'approved'
              when d.action = 'approve' then 'approved'
              when d.action = 'return' then 'returned'
              else 'waiting' end,
         case when p.status = 'hidden' then p.status_reason when d.action = 'return' then d.note end,
         '/budgeting/proposal/?id=' || p.id
  from private.pb_proposals p
  join private.pb_processes pr on pr.id = p.process_id
  left join lateral (select md.action, md.note from private.moderation_decisions md
                     where md.kind = 'pb' and md.item_id = p.id and md.action in ('approve', 'return') and md.decided_at >= p.updated_at
                     order by md.decided_at desc, md.id desc limit 1) d on true
  where p.status not in ('withdrawn', 'merged') and private.pb_is_process_officer(p.process_id)
$$;

-- The email a proposer gets when an officer returns their idea.
insert into private.email_templates (key, sent_when, subject, body) values
('pb_proposal_returned', 'An officer returns a resident''s idea with a note on what to change.',
 'Please change your idea: {title}',
 E'Hello {name},\n\nThank you for your idea for {process}. Before it goes further, the council officers ask you to change it:\n\n{note}\n\nYou can change your idea until officers start to check the ideas. Sign in, open the link below and choose "See your ideas".\n\nSee your idea: {link}\n\nWorking Together');

-- Hide and restore are PB's own functions (api.pb_hide_proposal, api.pb_unhide_proposal), so the
-- PB rules hold (nothing on the ballot is hidden once voting starts). Approve says "seen, fine":
-- the proposal stays submitted for the feasibility check. Return asks the proposer to change it,
-- by email, while proposals are open (when they still can).
create function private.moderate_pb(p_id uuid, p_action text, p_note text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_proposals := private.pb_officer_proposal(p_id, 'moderate its proposals');
  v_process private.pb_processes := (select p from private.pb_processes p where p.id = v.process_id);
  v_note text := private.moderation_note(p_action, p_note);
begin
  if p_action = 'approve' or p_action = 'return' then
    perform private.pb_require_status(v, array['submitted']::private.pb_proposal_status[], 'Only a proposal waiting to be checked can be approved or returned.');
    if exists (select 1 from private.moderation_items_pb() i where i.id = v.id and i.status = case p_action when 'approve' then 'approved' else 'returned' end) then
      perform private.refuse('PT409', 'not_now', 'That has already been done.', 'action', null, jsonb_build_object('action', p_action));
    end if;
  end if;
  if p_action = 'return' then
    perform private.pb_require_phase(v_process, array['proposals']::private.pb_phase[], 'An idea can be returned only while proposals are open.');
    if v.author_id is not null then
      perform private.notify(v.author_id, 'pb_proposal_returned', jsonb_build_object('process', v_process.title, 'title', v.title, 'note', v_note),
        '/budgeting/proposal/?id=' || v.id, 'pb_proposal_returned:' || v.id || ':' || extract(epoch from clock_timestamp())::text);
    end if;
  elsif p_action = 'hide' then
    perform api.pb_hide_proposal(v.id, v_note);
  elsif p_action = 'restore' then
    perform api.pb_unhide_proposal(v.id);
  end if;
  perform private.set_audit_context('moderator');
  perform private.record_moderation('pb', v.id, p_action, v_note);
end
$$;

/** Section - The queue */

-- Every kind's items together, as one query text (kinds come only from private.moderation_kinds()).
create function private.moderation_items_sql()
returns text
language sql
immutable
set search_path = ''
as $$
  select string_agg(format('select * from private.%I()', 'moderation_items_' || k), ' union all ')
  from unnest(private.moderation_kinds()) as k
$$;

-- Refuses (400) a kind, status or action not in the lists; null kind and status mean "all".
create function private.check_moderation_input(p_kind text, p_status text, p_action text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_kind is not null and not p_kind = any (private.moderation_kinds()) then
    perform private.refuse('P0001', 'unknown_kind', 'Choose what kind of thing to look at from the list.', 'kind');
  end if;
  if p_status is not null and not p_status = any (enum_range(null::private.moderation_status)::text[]) then
    perform private.refuse('P0001', 'unknown_moderation_status', 'Choose a status from the list.', 'status');
  end if;
  if p_action is not null and not p_action = any (private.moderation_actions()) then
    perform private.refuse('P0001', 'unknown_action', 'Choose approve, return, hide or restore.', 'action');
  end if;
end
$$;

-- The officers' queue: a page of 20, oldest first, of one kind or all and one status or all, with
-- how many there are in each status (for the kind chosen). Moderators only.
create function api.moderation_queue(p_kind text default null, p_status text default 'waiting', p_page int default 1)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_size int := 20;
  v_result jsonb;
begin
  perform private.require_moderator();
  perform private.check_moderation_input(p_kind, p_status, null);
  if p_page is null or p_page < 1 or p_page > 100000 then
    perform private.refuse('P0001', 'bad_page', 'Ask for a page from 1.', 'page');
  end if;
  execute format(
    $q$with all_items as (select * from (%s) u where $1::text is null or u.kind = $1)
       select jsonb_build_object(
         'items', coalesce((select jsonb_agg(to_jsonb(i) order by i.submitted_at, i.id) from (
             select * from all_items a where $2::text is null or a.status = $2 order by a.submitted_at, a.id offset $3 limit $4) i), '[]'),
         'total', (select count(*) from all_items a where $2::text is null or a.status = $2),
         'counts', coalesce((select jsonb_object_agg(c.status, c.n) from (select a.status, count(*) as n from all_items a group by a.status) c), '{}'),
         'page', ($3 / $4) + 1, 'page_size', $4)$q$, private.moderation_items_sql())
  into v_result using p_kind, p_status, (p_page - 1) * v_size, v_size;
  return v_result;
end
$$;
-- Granted to anon too, so a signed-out caller gets the keyed 401 rather than PostgREST's bare one.
select private.grant_api(array['moderation_queue'], array['anon', 'authenticated']);

-- One decision on one item, by kind. Answers the item as the queue now shows it.
create function api.moderate(p_kind text, p_id uuid, p_action text, p_note text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_item jsonb;
begin
  perform private.require_moderator();
  if p_kind is null then
    perform private.refuse('P0001', 'unknown_kind', 'Choose what kind of thing to look at from the list.', 'kind');
  end if;
  if p_action is null then
    perform private.refuse('P0001', 'unknown_action', 'Choose approve, return, hide or restore.', 'action');
  end if;
  perform private.check_moderation_input(p_kind, null, p_action);
  if p_id is null then
    perform private.refuse('PT404', 'item_not_found', 'We could not find that item.', 'id');
  end if;
  execute format('select private.%I($1, $2, $3)', 'moderate_' || p_kind) using p_id, p_action, p_note;
  execute format('select to_jsonb(i) from private.%I() i where i.id = $1', 'moderation_items_' || p_kind) into v_item using p_id;
  return v_item;
end
$$;
select private.grant_api(array['moderate'], array['anon', 'authenticated']);

-- Per-schema default privileges cannot take away PUBLIC's execute right, so each topic file
-- takes it back from its own private functions.
revoke execute on all functions in schema private from public;
