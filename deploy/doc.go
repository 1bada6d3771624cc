// Package deploy holds no code: its tests check template.yaml (the SAM template) and the sample
// events in events/ against the connector's design (architecture.md §2, contracts.md).
//
// The template is read with goformation/v7's intrinsics processor (so !Ref, !Sub and !GetAtt
// parse) and each function and the table are decoded into goformation's typed resources.
// goformation v7.14.9 predates some SAM properties this template uses (Globals LoggingConfig,
// HttpApi AccessLogSettings, the ScheduleV2 event type), and its Ref resolution turns a Number
// parameter into a number where a string is required; those parts are checked on the same
// processed document as plain JSON instead.
package deploy
