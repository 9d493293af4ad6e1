-- The foundation: sources with their health, raw items (provenance), calls, editions.
-- Kept to PostgreSQL 15 features: production may run 15 while PGlite is 18.

create extension if not exists pg_trgm;

create table sources (
  id              text primary key,
  name            text not null,
  kind            text not null,
  homepage        text not null,
  verified        boolean not null default false,
  enabled         boolean not null default true,
  -- Health: ok | failing | empty (200 but nothing where there used to be items) | never
  health          text not null default 'never',
  last_run_at     timestamptz,
  last_ok_at      timestamptz,
  last_error_class text,
  last_error      text,
  last_items_seen integer,
  consecutive_failures integer not null default 0,
  created_at      timestamptz not null default now()
);

-- Conditional-GET validators per URL: a 304 or an unchanged body hash means nothing to do.
create table fetch_validators (
  url           text primary key,
  source_id     text not null references sources(id) on delete cascade,
  etag          text,
  last_modified text,
  body_sha256   text,
  fetched_at    timestamptz not null default now()
);

create table source_runs (
  id            bigserial primary key,
  source_id     text not null references sources(id) on delete cascade,
  started_at    timestamptz not null,
  finished_at   timestamptz not null,
  status        text not null check (status in ('ok', 'unchanged', 'empty', 'failed')),
  items_seen    integer not null default 0,
  new_calls     integer not null default 0,
  error_class   text,
  error_message text
);
create index source_runs_source_idx on source_runs (source_id, started_at desc);

create table calls (
  id              uuid primary key,
  cluster_id      uuid not null,
  fingerprint     text not null unique,
  is_call         boolean not null,
  title           text not null,
  summary         text not null default '',
  url             text not null,
  donor           text,
  programme       text,
  deadline        date,
  deadline_time   text check (deadline_time ~ '^\d{2}:\d{2}$'),
  deadline_tz     text not null default 'Europe/Kyiv',
  deadline_kind   text not null check (deadline_kind in ('fixed', 'rolling', 'unknown')),
  stages          jsonb not null default '[]',
  opens_at        date,
  amount_min      numeric,
  amount_max      numeric,
  currency        text,
  budget_total    numeric,
  cofinancing_pct numeric,
  applicants      text[] not null default '{}',
  regions         text[] not null default '{}',
  topics          text[] not null default '{}',
  lang            text not null,
  evidence        jsonb not null default '{}',
  published_at    date,
  first_seen      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check (deadline_kind = 'fixed' or deadline is null)
);
create index calls_deadline_idx on calls (deadline);
create index calls_cluster_idx on calls (cluster_id);
create index calls_title_trgm_idx on calls using gin (title gin_trgm_ops);

-- One row per copy a source yielded: the provenance of calls, with the raw snapshot kept.
create table items (
  id           bigserial primary key,
  source_id    text not null references sources(id) on delete cascade,
  url          text not null,
  url_key      text not null,
  external_id  text,
  title        text not null,
  raw          jsonb not null,
  raw_sha256   text not null,
  call_id      uuid references calls(id) on delete set null,
  is_call      boolean not null,
  first_seen   timestamptz not null default now(),
  last_seen    timestamptz not null default now(),
  unique (source_id, url_key)
);
create index items_call_idx on items (call_id);

create table editions (
  id          uuid primary key,
  month       text not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  audience    text not null default 'all',
  state       text not null default 'draft' check (state in ('draft', 'approved', 'sending', 'sent')),
  intro       text,
  compiled_on date not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique (month, audience)
);

create table edition_entries (
  edition_id uuid not null references editions(id) on delete cascade,
  call_id    uuid not null references calls(id) on delete cascade,
  section    text not null,
  position   integer not null,
  included   boolean not null default true,
  summary_override text,
  primary key (edition_id, call_id)
);
