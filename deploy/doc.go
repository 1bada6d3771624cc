// Package deploy holds no code: its tests check template.yaml (the SAM template) and the sample
// events in events/ against the connector's design (docs/architecture.md, docs/configuration.md), and that
// it deploys: the first time and as an upgrade.
//
// The template is read with goformation/v7's intrinsics processor (so !Ref, !Sub and !GetAtt
// parse) and each function and the table are decoded into goformation's typed resources.
// goformation v7.14.9 predates some SAM properties this template uses (Globals LoggingConfig,
// HttpApi AccessLogSettings, the ScheduleV2 event type), and its Ref resolution turns a Number
// parameter into a number where a string is required; those parts are checked on the same
// processed document as plain JSON instead.
//
// goformation is no validator: `make validate-template` (part of `make test`) checks every
// resource's properties against the CloudFormation and SAM specifications of aws-cdk-lib and
// runs its CloudFormation rules (deploy/validate).
//
// Deploying: graph_test.go builds the template's dependency graph with the edges SAM's
// transform adds (events → API, API → functions, policies → roles) and refuses a cycle, which
// CloudFormation would refuse at deploy time; upgrade_test.go compares template.yaml with the
// previous release's (testdata/previous-template.yaml, replaced at each release) and refuses
// table changes an existing stack cannot take. Both read the template in CloudFormation's long
// form (longform_test.go), every reference as written.
package deploy
