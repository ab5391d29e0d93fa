"""The same person twice: candidate pairs within a file, across the communes of a month and
against the previous months; the officer's decisions; the rows held back until decided.

- :mod:`.names`: Vietnamese name folding and similarity (rapidfuzz);
- :mod:`.people`: the rows compared (:class:`~.people.Person`), built from validated rosters;
- :mod:`.match`: blocking and scoring, pure (rows in, candidates out);
- :mod:`.holds`: candidates and decisions → the rows held back, removed, or warned about;
- :mod:`.service`: the workspace side (rosters, previous months, the ledger's decisions);
- :mod:`.review`: reading a reviewed workbook back (all or nothing).
"""
