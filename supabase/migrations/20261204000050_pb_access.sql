-- Participatory budgeting, part 2: who may see and do what. Every api.pb_* function starts with
-- one of these; each refuses with a stable key (private.refuse) that the screens turn into words:
--   PT401 sign_in_needed / session_ended, PT403 not_process_officer, PT404 process_not_found /
--   proposal_not_found (the same answer for "no such thing" and "not yours to see"),
--   PT409 wrong_phase, P0001 (400) for bad input: required, too_long, not_a_number, ...

/** Section - Callers */

-- The signed-in resident, or 401. Uses private.caller(), so a signed-out token is refused too.
create function private.pb_require_signed_in()
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.caller();
begin
  if v_person is null then
    perform private.refuse('PT401', 'sign_in_needed', 'Sign in to do this.');
  end if;
  perform private.set_audit_context('resident');
  return v_person;
end
$$;

create function private.pb_is_process_officer(p_process_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from private.pb_process_officers o
    where o.process_id = p_process_id and o.person_id = private.caller()
  )
$$;

/** Section - Processes */

-- The process as the public may see it: any phase but draft. A draft is visible only to its
-- officers; anyone else gets the same 404 as for a process that does not exist.
create function private.pb_visible_process(p_process_id uuid)
returns private.pb_processes
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_process private.pb_processes;
begin
  select * into v_process from private.pb_processes p where p.id = p_process_id;
  if v_process.id is null or (v_process.phase = 'draft' and not private.pb_is_process_officer(p_process_id)) then
    perform private.refuse('PT404', 'process_not_found', 'We could not find that budgeting process.',
      'process_id', 'Check the web address, or go back to the list of processes.');
  end if;
  return v_process;
end
$$;

-- The process, for one of its officers (or 403); marks the transaction's audit events as a
-- PB officer's. The row is locked, so phase moves and the acts they guard never interleave.
create function private.pb_require_process_officer(p_process_id uuid, p_doing text)
returns private.pb_processes
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_process private.pb_processes;
begin
  if private.caller() is null then
    perform private.refuse('PT401', 'sign_in_needed', 'Sign in to do this.');
  end if;
  select * into v_process from private.pb_processes p where p.id = p_process_id for update;
  if v_process.id is null then
    perform private.refuse('PT404', 'process_not_found', 'We could not find that budgeting process.', 'process_id');
  end if;
  if not private.pb_is_process_officer(p_process_id) then
    perform private.refuse('PT403', 'not_process_officer', format('Only the officers running this process can %s.', p_doing));
  end if;
  perform private.set_audit_context('pb_officer');
  return v_process;
end
$$;

-- Refuses unless the process is in one of the phases, naming the phase it is in.
create function private.pb_require_phase(p_process private.pb_processes, p_phases private.pb_phase[], p_message text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if not p_process.phase = any (p_phases) then
    perform private.refuse('PT409', 'wrong_phase', p_message, null, null,
      jsonb_build_object('phase', p_process.phase, 'allowed', p_phases));
  end if;
end
$$;

/** Section - Input */

-- Trimmed text, or a 400 naming the field: required, or too long. Length is checked before the
-- text reaches any index or constraint, so huge input is a plain refusal, never a 500.
create function private.pb_text(p_value text, p_field text, p_max int, p_required boolean default true)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v text := nullif(btrim(coalesce(p_value, '')), '');
begin
  if v is null and p_required then
    perform private.refuse('P0001', 'required', 'This is needed: please fill it in.', p_field);
  end if;
  if length(v) > p_max then
    perform private.refuse('P0001', 'too_long', format('Keep this to %s characters or fewer (it is %s).', p_max, length(v)),
      p_field, null, jsonb_build_object('max', p_max, 'length', length(v)));
  end if;
  return v;
end
$$;

-- An amount of money: positive, at most a billion, in pence at most.
create function private.pb_money(p_value numeric, p_field text, p_required boolean default true)
returns numeric
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_value is null then
    if p_required then
      perform private.refuse('P0001', 'required', 'Enter an amount in pounds, for example 2500.', p_field);
    end if;
    return null;
  end if;
  if p_value <= 0 or p_value > 1000000000 or p_value <> round(p_value, 2) then
    perform private.refuse('P0001', 'amount_out_of_range', 'Enter an amount more than £0 and up to £1,000,000,000, in pounds and pence.', p_field);
  end if;
  return p_value;
end
$$;

revoke execute on all functions in schema private from public;
