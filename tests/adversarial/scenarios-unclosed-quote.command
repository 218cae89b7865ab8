eval
rulesets/iom-annual-report.reckon
cases/iom/N0001.yaml
--scenarios
tests/adversarial/scenarios-unclosed-quote.yaml
