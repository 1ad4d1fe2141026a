-- Project updates from project leads (issue 17): each tracked project has leads; a lead writes the
-- monthly update online ("we asked / you said / we did" under the same rules as the Markdown in
-- src/content/projects/), an officer approves it or returns it with a note, and approved updates
-- are public through api.published_project_updates (read by the site's build and by a small
-- script on each project page). Officers are private.people.is_officer (…010200_grants_functions_access.sql).
-- Screen words for the refusals: src/lib/refusals/project-updates.ts.

/** Section - Projects and their leads */

-- The projects a lead can be named for: one row per file in src/content/projects/, whose file
-- name is the slug (tests/db/project-updates/projects.test.ts keeps the two lists the same).
create table private.tracked_projects (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text not null check (length(btrim(title)) between 1 and 120)
);
alter table private.tracked_projects enable row level security;
revoke all on table private.tracked_projects from public, anon, authenticated;
select private.audit_table('private.tracked_projects', array['slug']);

insert into private.tracked_projects (slug, title) values
  ('adults-strategy', 'Adults Strategy'),
  ('ageing-well-campaign', 'Ageing Well Campaign'),
  ('care-homes-strategy', 'Care Homes Strategy'),
  ('carers-pathway-review', 'Carers'' Pathway Review'),
  ('children-in-care-council', 'Children in Care Council'),
  ('co-production-handbook', 'Champions'' Co-production Handbook'),
  ('commissioning-framework', 'Commissioning Framework'),
  ('community-outreach-learning-disabilities', 'Community Outreach Support for people with learning disabilities'),
  ('community-transport', 'Community Transport'),
  ('foster-carers-review', 'Foster Carers'' Review'),
  ('grants-panels', 'Grants Panels'),
  ('home-care-customer-standards', 'Home Care Customer Standards'),
  ('homecare-2020', 'Homecare 2020'),
  ('leading-together-programme', 'The Leading Together Programme'),
  ('moving-into-adulthood', 'Moving into Adulthood'),
  ('my-life-my-choice', 'My Life My Choice'),
  ('older-peoples-strategy', 'Older People''s Strategy'),
  ('oxford-influence-group', 'Oxford Influence Group'),
  ('oxfordshire-recovery-college', 'Oxfordshire Recovery College'),
  ('personal-budgets', 'Personal Budgets'),
  ('quality-checkers', 'Quality Checkers'),
  ('quality-framework', 'Quality Framework'),
  ('send-strategy', 'SEND Strategy'),
  ('strengths-based-practice', 'Strengths-based practice'),
  ('support-for-self-funders', 'Support for Self-funders'),
  ('supported-transport', 'Supported Transport'),
  ('voluntary-sector-infrastructure', 'Voluntary Sector Infrastructure Contract');

-- Who leads which project. A lead stops being one by removal (kept, for the trail), never by
-- deletion; a project may have more than one lead.
create table private.project_leads (
  id uuid primary key default gen_random_uuid(),
  project_slug text not null references private.tracked_projects (slug),
  person_id uuid not null references private.people (id),
  assigned_by uuid references private.people (id),
  assigned_at timestamptz not null default now(),
  removed_at timestamptz
);
create unique index project_leads_active on private.project_leads (project_slug, person_id) where removed_at is null;
alter table private.project_leads enable row level security;
revoke all on table private.project_leads from public, anon, authenticated;
select private.audit_table('private.project_leads');

/** Section - The rules of an update (one home with src/lib/projects/update-rules.ts) */

-- The longest each part may be, in characters: the same numbers as UPDATE_LIMITS in
-- src/lib/projects/update-rules.ts, which the content check uses for the Markdown updates
-- (tests/db/project-updates/rules.test.ts compares them).
create function private.project_update_limits()
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select '{"title": 120, "weAsked": 1000, "youSaid": 1000, "weDid": 1000, "text": 2000, "next": 1000}'::jsonb
$$;

-- "You said" is what people told us, so it must not start as the council speaking ("We…",
-- "Our…", "The council…"): the content check's rule (youSaidIsTheirs), in PostgreSQL's regex
-- dialect, where \y is the word boundary JavaScript writes \b.
create function private.you_said_is_theirs(p_text text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_text is null or btrim(p_text) !~* '^(we|our|the council)\y'
$$;

/** Section - Updates */

-- The life of an update: a lead's draft, waiting for an officer, approved (public), returned to
-- the lead with a note, or hidden by an officer with a reason (kept, and can be restored).
-- UPDATE_STATUSES in src/lib/projects/update-rules.ts lists the same (tests/db/project-updates/rules.test.ts).
create type private.project_update_status as enum ('draft', 'waiting', 'approved', 'returned', 'hidden');

create table private.project_updates (
  id uuid primary key default gen_random_uuid(),
  project_slug text not null references private.tracked_projects (slug),
  author_id uuid not null references private.people (id),
  -- The month the update is about (its first day): updates are monthly.
  month date not null check (extract(day from month) = 1),
  title text,
  body text,
  we_asked text,
  you_said text,
  we_did text,
  next_steps text,
  status private.project_update_status not null default 'draft',
  -- The officer's latest note: why it was returned, or why it was hidden.
  note text,
  submitted_at timestamptz,
  decided_at timestamptz,
  decided_by uuid references private.people (id),
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index project_updates_public on private.project_updates (project_slug, month) where status = 'approved';
create index project_updates_author on private.project_updates (author_id);
alter table private.project_updates enable row level security;
revoke all on table private.project_updates from public, anon, authenticated;
select private.audit_table('private.project_updates');

/** Section - Who may write an update */

-- Whether the caller leads this project now. One predicate, used by every function below.
create function private.leads_project(p_slug text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.project_leads l
                 where l.project_slug = p_slug and l.person_id = private.caller() and l.removed_at is null)
$$;

-- Refuses unless the caller is signed in and leads the project; marks the audit events as a lead's.
create function private.require_project_lead(p_slug text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
begin
  if private.caller() is null then
    perform private.refuse('PT401', 'sign_in_needed', 'Sign in to do this.');
  end if;
  if not exists (select 1 from private.tracked_projects t where t.slug = p_slug) then
    perform private.refuse('PT404', 'project_not_found', 'We could not find that project.', 'project');
  end if;
  if not private.leads_project(p_slug) then
    perform private.refuse('PT403', 'not_project_lead', 'Only the project''s leads can write its updates.', 'project');
  end if;
  perform private.set_audit_context('project_lead');
  return private.caller();
end
$$;

-- An update the caller wrote, for its author while they still lead its project (404 otherwise:
-- another lead's update is not theirs to know of), locked for the change.
create function private.my_project_update(p_id uuid)
returns private.project_updates
language plpgsql
security definer
set search_path = ''
as $$
declare
  v private.project_updates;
begin
  if private.caller() is null then
    perform private.refuse('PT401', 'sign_in_needed', 'Sign in to do this.');
  end if;
  select * into v from private.project_updates u where u.id = p_id for update;
  if v.id is null or v.author_id <> private.caller() then
    perform private.refuse('PT404', 'update_not_found', 'We could not find that update.', 'id');
  end if;
  perform private.require_project_lead(v.project_slug);
  return v;
end
$$;

-- What the lead and officers see of an update.
create function private.project_update_json(p_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object('id', u.id, 'project_slug', u.project_slug, 'project_title', t.title,
    'month', to_char(u.month, 'YYYY-MM-DD'), 'title', u.title, 'text', u.body, 'we_asked', u.we_asked,
    'you_said', u.you_said, 'we_did', u.we_did, 'next', u.next_steps, 'status', u.status, 'note', u.note,
    'author_name', p.display_name, 'submitted_at', u.submitted_at, 'decided_at', u.decided_at,
    'approved_at', u.approved_at, 'updated_at', u.updated_at)
  from private.project_updates u
  join private.tracked_projects t on t.slug = u.project_slug
  left join private.people p on p.id = u.author_id
  where u.id = p_id
$$;

-- The month an update is about: a first of the month, not in the future, at most a year back.
create function private.project_update_month(p_month date)
returns date
language plpgsql
stable
set search_path = ''
as $$
declare
  v date := date_trunc('month', p_month)::date;
  v_now date := date_trunc('month', (now() at time zone 'Europe/London'))::date;
begin
  if p_month is null then
    perform private.refuse('P0001', 'required', 'Enter the month the update is about.', 'month');
  end if;
  if v > v_now then
    perform private.refuse('P0001', 'month_in_future', 'The month cannot be in the future.', 'month');
  end if;
  if v < v_now - interval '12 months' then
    perform private.refuse('P0001', 'month_too_old', 'The month must be within the last year.', 'month');
  end if;
  return v;
end
$$;

-- The rules a sent update must meet, the content check's: a title, and "what happened" or at
-- least one of "we asked", "you said" and "we did", with "you said" in the people's voice.
create function private.require_complete_update(p_update private.project_updates)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_update.title is null then
    perform private.refuse('P0001', 'required', 'Give the update a title.', 'title');
  end if;
  if coalesce(p_update.body, p_update.we_asked, p_update.you_said, p_update.we_did) is null then
    perform private.refuse('P0001', 'update_empty', 'Say what happened this month, or fill in "we asked", "you said" or "we did".', 'text');
  end if;
  if not private.you_said_is_theirs(p_update.you_said) then
    perform private.refuse('P0001', 'you_said_is_ours',
      '"You said" is for what people told us. Put what the council did in "We did".', 'you_said');
  end if;
end
$$;

/** Section - The lead's functions */

-- The projects the caller leads, each with their own updates (newest month first): the lead's
-- start page. Someone who leads nothing gets an empty list.
create function api.my_led_projects()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if private.caller() is null then
    perform private.refuse('PT401', 'sign_in_needed', 'Sign in to do this.');
  end if;
  return coalesce((
    select jsonb_agg(jsonb_build_object('slug', t.slug, 'title', t.title, 'updates', coalesce((
             select jsonb_agg(private.project_update_json(u.id) order by u.month desc, u.created_at desc)
             from private.project_updates u where u.project_slug = t.slug and u.author_id = private.caller()), '[]'::jsonb))
           order by t.title)
    from private.tracked_projects t
    where private.leads_project(t.slug)), '[]'::jsonb);
end
$$;
select private.grant_api(array['my_led_projects'], array['authenticated']);

-- Saves a draft (new when p_id is null) or changes one the lead wrote that is not yet waiting or
-- approved: a returned update is edited here and sent again. Only the lengths are checked, so a
-- half-written draft can be kept; the full rules apply when it is sent.
create function api.save_project_update(
  p_id uuid, p_project_slug text, p_month date, p_title text, p_text text,
  p_we_asked text, p_you_said text, p_we_did text, p_next text
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.project_updates;
  l jsonb := private.project_update_limits();
  v_month date;
  v_title text := private.pb_text(p_title, 'title', (l ->> 'title')::int, false);
  v_body text := private.pb_text(p_text, 'text', (l ->> 'text')::int, false);
  v_we_asked text := private.pb_text(p_we_asked, 'we_asked', (l ->> 'weAsked')::int, false);
  v_you_said text := private.pb_text(p_you_said, 'you_said', (l ->> 'youSaid')::int, false);
  v_we_did text := private.pb_text(p_we_did, 'we_did', (l ->> 'weDid')::int, false);
  v_next text := private.pb_text(p_next, 'next', (l ->> 'next')::int, false);
begin
  if p_id is null then
    perform private.require_project_lead(p_project_slug);
  else
    v := private.my_project_update(p_id);
    if v.status not in ('draft', 'returned') then
      perform private.refuse('PT409', 'update_not_editable', 'This update has been sent, so it cannot be changed now.', 'id', null,
        jsonb_build_object('status', v.status));
    end if;
  end if;
  v_month := private.project_update_month(p_month);
  if p_id is null then
    insert into private.project_updates (project_slug, author_id, month, title, body, we_asked, you_said, we_did, next_steps)
    values (p_project_slug, private.caller(), v_month, v_title, v_body, v_we_asked, v_you_said, v_we_did, v_next)
    returning * into v;
  else
    update private.project_updates u set month = v_month, title = v_title, body = v_body, we_asked = v_we_asked,
      you_said = v_you_said, we_did = v_we_did, next_steps = v_next, updated_at = now()
    where u.id = v.id;
  end if;
  return private.project_update_json(v.id);
end
$$;
select private.grant_api(array['save_project_update'], array['authenticated']);

-- Sends a draft (or a returned update, changed) to the officers, who are each emailed.
create function api.submit_project_update(p_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.project_updates := private.my_project_update(p_id);
begin
  if v.status not in ('draft', 'returned') then
    perform private.refuse('PT409', 'update_not_editable', 'This update has already been sent.', 'id', null,
      jsonb_build_object('status', v.status));
  end if;
  perform private.require_complete_update(v);
  update private.project_updates u set status = 'waiting', submitted_at = now(), updated_at = now() where u.id = v.id;
  perform private.notify(o.id, 'project_update_waiting',
    jsonb_build_object('project', t.title, 'title', v.title, 'lead', coalesce(a.display_name, 'A project lead')),
    '/projects/officer/?id=' || v.id, 'project_update_waiting:' || v.id || ':' || now()::text || ':' || o.id)
  from private.people o
  join private.tracked_projects t on t.slug = v.project_slug
  left join private.people a on a.id = v.author_id
  where o.is_officer;
  return private.project_update_json(v.id);
end
$$;
select private.grant_api(array['submit_project_update'], array['authenticated']);

/** Section - Officers: leads and decisions */

-- Every project with its current leads, for officers assigning them.
create function api.project_leads()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_officer('see who leads each project');
  return (select coalesce(jsonb_agg(jsonb_build_object('slug', t.slug, 'title', t.title, 'leads', coalesce((
            select jsonb_agg(jsonb_build_object('person_id', p.id, 'name', p.display_name, 'email', u.email) order by p.display_name)
            from private.project_leads l join private.people p on p.id = l.person_id left join auth.users u on u.id = p.id
            where l.project_slug = t.slug and l.removed_at is null), '[]'::jsonb)) order by t.title), '[]'::jsonb)
          from private.tracked_projects t);
end
$$;
select private.grant_api(array['project_leads'], array['authenticated']);

-- Names a person (by the email they sign in with) as a lead of a project. Naming someone who
-- already leads it changes nothing.
create function api.assign_project_lead(p_project_slug text, p_email text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_officer uuid := private.require_officer('name project leads');
  v_email text := lower(private.pb_text(p_email, 'email', 320));
  v_person uuid;
begin
  if not exists (select 1 from private.tracked_projects t where t.slug = p_project_slug) then
    perform private.refuse('PT404', 'project_not_found', 'We could not find that project.', 'project');
  end if;
  select u.id into v_person from auth.users u join private.people p on p.id = u.id where lower(u.email) = v_email;
  if v_person is null then
    perform private.refuse('PT404', 'lead_email_unknown', 'Nobody with that email address has an account yet.', 'email');
  end if;
  insert into private.project_leads (project_slug, person_id, assigned_by)
  select p_project_slug, v_person, v_officer
  where not exists (select 1 from private.project_leads l where l.project_slug = p_project_slug and l.person_id = v_person and l.removed_at is null);
  return jsonb_build_object('project_slug', p_project_slug, 'person_id', v_person);
end
$$;
select private.grant_api(array['assign_project_lead'], array['authenticated']);

create function api.remove_project_lead(p_project_slug text, p_person_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.require_officer('change project leads');
  update private.project_leads l set removed_at = now()
  where l.project_slug = p_project_slug and l.person_id = p_person_id and l.removed_at is null;
  if not found then
    perform private.refuse('PT404', 'lead_not_found', 'That person does not lead this project.', 'person_id');
  end if;
end
$$;
select private.grant_api(array['remove_project_lead'], array['authenticated']);

-- The officers' decision on an update, for this page and the shared moderation queue:
-- approve (public), return (to the lead, with a note they read), hide (with a reason; nothing
-- is deleted) or restore (a hidden update goes back to waiting, to be decided again). Who may
-- decide, the note each action needs and the moves each status allows are the queue's one rule
-- (private.require_moderator, moderation_note, require_moderation_status); each decision is a
-- row in private.moderation_decisions and audited as the officer's, with the action and the note.
create function private.moderate_updates(p_id uuid, p_action text, p_note text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.project_updates;
  v_officer uuid := private.require_moderator();
  v_note text;
begin
  perform private.check_moderation_input('updates', null, p_action);
  if p_action is null then
    perform private.refuse('P0001', 'unknown_action', 'Choose approve, return, hide or restore.', 'action');
  end if;
  select * into v from private.project_updates u where u.id = p_id for update;
  if v.id is null or v.status = 'draft' then
    perform private.refuse('PT404', 'update_not_found', 'We could not find that update.', 'id');
  end if;
  v_note := private.moderation_note(p_action, p_note);
  perform private.require_moderation_status(v.status::text::private.moderation_status, p_action);
  perform private.set_audit_context('officer', jsonb_build_object('decision', p_action, 'note', v_note));
  update private.project_updates u
  set status = case p_action when 'approve' then 'approved' when 'return' then 'returned' when 'hide' then 'hidden'
                             else 'waiting' end::private.project_update_status,
    note = case when p_action in ('return', 'hide') then v_note when p_action = 'approve' then null else u.note end,
    decided_at = now(), decided_by = v_officer, updated_at = now(),
    approved_at = case when p_action = 'approve' then now() else u.approved_at end
  where u.id = v.id;
  perform private.record_moderation('updates', v.id, p_action, v_note);
  if p_action in ('approve', 'return') then
    perform private.notify(v.author_id, 'project_update_' || case p_action when 'approve' then 'approved' else 'returned' end,
      jsonb_build_object('project', t.title, 'title', coalesce(v.title, ''), 'note', coalesce(v_note, '')),
      case p_action when 'approve' then '/projects/' || v.project_slug || '/'
                    else '/projects/update/?project=' || v.project_slug || '&id=' || v.id end,
      'project_update_' || p_action || ':' || v.id || ':' || now()::text)
    from private.tracked_projects t where t.slug = v.project_slug;
  end if;
end
$$;

-- The same decision through the API, for /projects/officer/; answers the update as it now is.
create function api.moderate_project_update(p_id uuid, p_action text, p_note text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.moderate_updates(p_id, p_action, p_note);
  return private.project_update_json(p_id);
end
$$;
select private.grant_api(array['moderate_project_update'], array['authenticated']);

-- Project updates as items of the officers' shared moderation queue (drafts are the lead's own
-- and are not in it). The link opens the update on /projects/officer/.
create function private.moderation_items_updates()
returns table (kind text, id uuid, title text, excerpt text, submitted_at timestamptz, status text, note text, link text)
language sql
stable
security definer
set search_path = ''
as $$
  select 'updates', u.id, t.title || ': ' || coalesce(u.title, ''),
    left(coalesce(u.body, u.we_did, u.you_said, u.we_asked, ''), 200), u.submitted_at, u.status::text, u.note,
    '/projects/officer/?id=' || u.id
  from private.project_updates u join private.tracked_projects t on t.slug = u.project_slug
  where u.status <> 'draft'
  order by u.submitted_at
$$;

-- Officers' list of updates on /projects/officer/: by status (all sent ones when null), oldest
-- sent first so the longest waiting is at the top.
create function api.officer_project_updates(p_status text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_officer('see project updates');
  if p_status is not null and p_status not in ('waiting', 'approved', 'returned', 'hidden') then
    perform private.refuse('P0001', 'unknown_status', 'Choose waiting, approved, returned or hidden.', 'status');
  end if;
  return coalesce((select jsonb_agg(private.project_update_json(i.id) order by i.submitted_at)
                   from private.moderation_items_updates() i where p_status is null or i.status = p_status), '[]'::jsonb);
end
$$;
select private.grant_api(array['officer_project_updates'], array['authenticated']);

/** Section - What the public reads */

-- Approved updates (of one project, or all), newest month first, without who wrote them: what
-- the build puts on project pages and in the feed, and what each page's script adds when an
-- update was approved after the build.
create function api.published_project_updates(p_project_slug text default null)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'project_slug', u.project_slug, 'project_title', t.title,
           'month', to_char(u.month, 'YYYY-MM-DD'), 'title', u.title, 'text', u.body, 'we_asked', u.we_asked,
           'you_said', u.you_said, 'we_did', u.we_did, 'next', u.next_steps, 'approved_at', u.approved_at)
         order by u.month desc, u.approved_at desc), '[]'::jsonb)
  from private.project_updates u join private.tracked_projects t on t.slug = u.project_slug
  where u.status = 'approved' and (p_project_slug is null or u.project_slug = p_project_slug)
$$;
select private.grant_api(array['published_project_updates'], array['anon', 'authenticated', 'service_role']);

/** Section - The emails */

insert into private.email_templates (key, sent_when, subject, body, secret_params) values
('project_update_waiting', 'A project lead sends a monthly update: each officer.',
 'A project update is waiting for you: {project}',
 E'Hello {name},\n\n{lead} has sent an update for {project}: {title}.\n\nRead it, then approve it or return it to them with a note: {link}\n\nWorking Together',
 '{}'),
('project_update_returned', 'An officer returns a project update: the lead who wrote it.',
 'Your update for {project} needs a change',
 E'Hello {name},\n\nAn officer has read your update for {project} ({title}) and returned it to you with this note:\n\n{note}\n\nChange your update and send it again: {link}\n\nWorking Together',
 '{}'),
('project_update_approved', 'An officer approves a project update: the lead who wrote it.',
 'Your update for {project} is published',
 E'Hello {name},\n\nYour update for {project} ({title}) has been approved. It is now on the project''s page: {link}\n\nThank you for keeping people up to date.\n\nWorking Together',
 '{}');

-- Per-schema default privileges cannot take away PUBLIC's execute right, so each topic file
-- ends by taking it away from what it made.
revoke execute on all functions in schema private from public;
