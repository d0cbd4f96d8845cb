-- Indexing a session inserted about a thousand bigram entries per item straight into the search
-- index's GIN tree: every chunk of 200 items touched some 30,000 index pages (1.5 s a chunk on two
-- cores, most of it writing WAL). A large pending list takes new entries as a cheap append, and
-- merging thousands of items at once touches each bigram's page once instead of once per item. The
-- indexing worker merges it when it has caught up (gin_clean_pending_list), so searches do not
-- scan a long list; with 64 MB it holds about 7,000 items before an insert must merge it.
ALTER INDEX ix_proposal_index_search SET (gin_pending_list_limit = 65536);
