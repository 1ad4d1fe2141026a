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

-- Holds a process still for the rest of the transaction: shared by ballots being cast, exclusive
-- for every officer's act on it (phase moves, shortlist, budget, paper ballots), so no cast
-- can see voting open and then commit after it closed or the rules changed. An advisory lock,
-- not a row lock: shared row locks of many casts on the one process row become MultiXacts, a
-- write to that row's page each time, which made every ballot of a process queue on it.
create function private.pb_hold_process(p_process_id uuid, p_exclusive boolean)
returns void
language plpgsql
volatile
-- No SET clause: see tests/db/grants/structure.test.ts (hot helpers).
as $$
declare
  -- The class number keeps these apart from any other advisory lock of the database; two
  -- processes whose ids hash alike only wait for each other, never miss a wait.
  v_key int := hashtext(p_process_id::text);
begin
  if p_exclusive then
    perform pg_advisory_xact_lock(1114, v_key);
  else
    perform pg_advisory_xact_lock_shared(1114, v_key);
  end if;
end
$$;

-- The process, for one of its officers (or 403); marks the transaction's audit events as a
-- PB officer's. The row is locked, and the process held (above) against ballots being cast, so
-- phase moves and the acts they guard never interleave.
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
  perform private.pb_hold_process(p_process_id, true);
  perform private.set_audit_context('pb_officer');
  return v_process;
end
$$;

-- Refuses unless the process is in one of the phases, naming the phase it is in.
create function private.pb_require_phase(p_process private.pb_processes, p_phases private.pb_phase[], p_message text)
returns void
language plpgsql
immutable
-- No SET clause: see tests/db/grants/structure.test.ts (hot helpers).
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

/** Section - Codes and receipts */

-- A voting code as people type it: letters and digits, case and spaces and dashes ignored.
-- Stored only as sha256 of the process id and the normalised code, so the same code in two
-- processes differs and a copy of the table hands out no codes.
create function private.pb_code_hash(p_process_id uuid, p_code text)
returns text
language sql
immutable
set search_path = ''
as $$
  select encode(extensions.digest(p_process_id::text || ':' || upper(regexp_replace(coalesce(p_code, ''), '[\s-]', '', 'g')), 'sha256'), 'hex')
$$;

-- A receipt code as people type it, hashed the same way (receipts are random, 16 characters).
-- plpgsql so that its plan is kept: every ballot cast hashes a receipt.
create function private.pb_receipt_hash(p_receipt text)
returns text
language plpgsql
immutable
-- No SET clause: see tests/db/grants/structure.test.ts (hot helpers).
as $$
begin
  return encode(extensions.digest('receipt:' || upper(regexp_replace(coalesce(p_receipt, ''), '[\s-]', '', 'g')), 'sha256'), 'hex');
end
$$;

-- A fresh code of `p_length` characters from an alphabet without look-alikes (no 0/O, 1/I/L),
-- grouped in fours with dashes for reading aloud: e.g. 7KQM-3XWP-HT9C.
create function private.pb_new_code(p_length int)
returns text
language plpgsql
volatile
-- No SET clause: see tests/db/grants/structure.test.ts (hot helpers).
as $$
declare
  v_alphabet constant text := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  v_bytes bytea := extensions.gen_random_bytes(p_length);
  v_code text := '';
begin
  -- A loop of simple expressions, not one query: a query over generate_series(0, p_length - 1)
  -- is planned again at every call (its generic plan guesses 1000 rows), several times the cost.
  for i in 0 .. p_length - 1 loop
    if i > 0 and i % 4 = 0 then
      v_code := v_code || '-';
    end if;
    -- 256 is not a multiple of 31, so the first letters are a shade likelier: ~0.1 bit lost
    -- per character, which the length more than covers.
    v_code := v_code || substr(v_alphabet, get_byte(v_bytes, i) % 31 + 1, 1);
  end loop;
  return v_code;
end
$$;

/** Section - Ballots */

-- The one check of a ballot's content, for online and paper ballots alike: known shortlisted
-- proposals of this process, no repeats, within the limits and never over the budget. Gives
-- the proposal ids in a stable order and their total cost (one query sorts the ids, counts the
-- repeats and reads the proposals for all three; the unknown one is looked for only to name it
-- in the refusal). Callers hold the voter's row lock, so the check and the write happen together.
create function private.pb_checked_ballot(p_process private.pb_processes, p_proposal_ids uuid[], out ids uuid[], out total numeric)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_found int;
  v_unknown uuid;
begin
  if p_proposal_ids is null then
    perform private.refuse('P0001', 'required', 'Choose the projects you want to vote for.', 'proposal_ids');
  end if;
  if cardinality(p_proposal_ids) > 100 then
    perform private.refuse('P0001', 'too_many_projects', 'A ballot can hold at most 100 projects.', 'proposal_ids');
  end if;
  -- With a repeat the count and total are off, but then the ballot is refused before they are used.
  select coalesce(array_agg(distinct u.x order by u.x) filter (where u.x is not null), '{}'), count(p.id), coalesce(sum(p.checked_cost), 0)
  into ids, v_found, total
  from unnest(p_proposal_ids) as u (x)
  left join private.pb_proposals p on p.id = u.x and p.process_id = p_process.id and p.status = 'shortlisted';
  if cardinality(ids) <> cardinality(p_proposal_ids) then
    perform private.refuse('P0001', 'repeated_project', 'Each project can be chosen once.', 'proposal_ids');
  end if;
  if v_found <> cardinality(ids) then
    select x into v_unknown from unnest(ids) as x
    where not exists (select 1 from private.pb_proposals p
                      where p.id = x and p.process_id = p_process.id and p.status = 'shortlisted')
    limit 1;
    perform private.refuse('P0001', 'not_on_shortlist', 'That project is not on the list you can vote for.',
      'proposal:' || v_unknown::text);
  end if;
  if cardinality(ids) < p_process.min_projects then
    perform private.refuse('P0001', 'too_few_projects',
      format('Choose at least %s project%s.', p_process.min_projects, case when p_process.min_projects = 1 then '' else 's' end),
      'proposal_ids', null, jsonb_build_object('min', p_process.min_projects, 'chosen', cardinality(ids)));
  end if;
  if p_process.max_projects is not null and cardinality(ids) > p_process.max_projects then
    perform private.refuse('P0001', 'too_many_projects',
      format('Choose at most %s project%s.', p_process.max_projects, case when p_process.max_projects = 1 then '' else 's' end),
      'proposal_ids', null, jsonb_build_object('max', p_process.max_projects, 'chosen', cardinality(ids)));
  end if;
  if total > p_process.budget then
    perform private.refuse('P0001', 'over_budget',
      format('Those projects cost £%s together, more than the budget of £%s. Remove a project to make room.',
             to_char(total, 'FM999,999,999,990'), to_char(p_process.budget, 'FM999,999,999,990')),
      'proposal_ids', null, jsonb_build_object('total', total, 'budget', p_process.budget));
  end if;
end
$$;

-- The checked proposal ids alone, for callers that do not need the total (paper ballots).
create function private.pb_check_ballot(p_process private.pb_processes, p_proposal_ids uuid[])
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
  select (private.pb_checked_ballot(p_process, p_proposal_ids)).ids
$$;

revoke execute on all functions in schema private from public;
