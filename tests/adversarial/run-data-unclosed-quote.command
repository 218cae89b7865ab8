batch
rulesets/iom-value-for-money.reckon
cases/iom/N0001.yaml
--run-data
tests/adversarial/run-data-unclosed-quote.yaml
