"""Pure clinical rules: no Flask, no database. Each rule cites the fact it comes from
(../shared/clinical/facts.md, symptoms.md)."""
