-- Cross-source dedupe: a call is a cluster of copies. Each copy keeps its own normalized record;
-- the call holds the merged record, its primary copy and the evidence for every merge decision.
-- Editors' merge/split decisions are overrides the automatic dedupe always respects.

-- Which copy becomes primary: the donor's own page beats an aggregator, which beats a news repost.
alter table sources add column role text not null default 'aggregator'
  check (role in ('donor', 'aggregator', 'news'));
-- A single-donor source's donor, so a stored copy can be normalized again without its adapter.
alter table sources add column donor text;

-- The copy's own normalized record (CallDraft), so clustering never re-reads raw text it has read.
alter table items add column draft jsonb;

-- Copies, not titles, decide what is one call now: the fingerprint stays as the primary copy's.
alter table calls drop constraint calls_fingerprint_key;
alter table calls add column primary_item_id bigint references items(id) on delete set null;
alter table calls add column merge_evidence jsonb not null default '{"fields": [], "links": []}';
-- A call whose copies all joined another call points to it; it never reaches a catalogue again,
-- but an approved edition that listed it still can show it.
alter table calls add column merged_into uuid references calls(id) on delete set null;
create index calls_merged_into_idx on calls (merged_into) where merged_into is not null;

-- One decision per pair of copies; a later decision on the same pair replaces the earlier one.
create table dedupe_overrides (
  item_a     bigint not null references items(id) on delete cascade,
  item_b     bigint not null references items(id) on delete cascade,
  kind       text not null check (kind in ('merge', 'split')),
  decided_by text not null default 'editor',
  decided_at timestamptz not null default now(),
  primary key (item_a, item_b),
  check (item_a < item_b)
);
