// Package types holds the DynamoDB data types of the connector's client
// (shared/awsapi/dynamodb), named and shaped as the SDK's service/dynamodb/types so that code
// moves between them by its import path: the AttributeValue union and its members, the parts of
// a transaction and a batch read, the enums, and the modelled errors (errors.go), with their
// AWS JSON wire forms (read.go, write.go).
package types

// AttributeValue is one attribute's value: one of the AttributeValueMember types below (or,
// decoded from an answer, UnknownUnionMember for a kind this package does not know).
type AttributeValue interface {
	isAttributeValue()
}

// AttributeValueMemberB is a Binary value ({"B":"<base64>"}).
type AttributeValueMemberB struct{ Value []byte }

// AttributeValueMemberBOOL is a Boolean value ({"BOOL":true}).
type AttributeValueMemberBOOL struct{ Value bool }

// AttributeValueMemberBS is a Binary Set ({"BS":["<base64>",...]}).
type AttributeValueMemberBS struct{ Value [][]byte }

// AttributeValueMemberL is a List ({"L":[...]}).
type AttributeValueMemberL struct{ Value []AttributeValue }

// AttributeValueMemberM is a Map ({"M":{...}}).
type AttributeValueMemberM struct{ Value map[string]AttributeValue }

// AttributeValueMemberN is a Number, in its decimal text ({"N":"12"}).
type AttributeValueMemberN struct{ Value string }

// AttributeValueMemberNS is a Number Set ({"NS":["1","2"]}).
type AttributeValueMemberNS struct{ Value []string }

// AttributeValueMemberNULL is a Null ({"NULL":true}).
type AttributeValueMemberNULL struct{ Value bool }

// AttributeValueMemberS is a String ({"S":"x"}).
type AttributeValueMemberS struct{ Value string }

// AttributeValueMemberSS is a String Set ({"SS":["a","b"]}).
type AttributeValueMemberSS struct{ Value []string }

// UnknownUnionMember is a value of a kind this package does not know, as answered: its tag and
// its JSON.
type UnknownUnionMember struct {
	Tag   string
	Value []byte
}

func (*AttributeValueMemberB) isAttributeValue()    {}
func (*AttributeValueMemberBOOL) isAttributeValue() {}
func (*AttributeValueMemberBS) isAttributeValue()   {}
func (*AttributeValueMemberL) isAttributeValue()    {}
func (*AttributeValueMemberM) isAttributeValue()    {}
func (*AttributeValueMemberN) isAttributeValue()    {}
func (*AttributeValueMemberNS) isAttributeValue()   {}
func (*AttributeValueMemberNULL) isAttributeValue() {}
func (*AttributeValueMemberS) isAttributeValue()    {}
func (*AttributeValueMemberSS) isAttributeValue()   {}
func (*UnknownUnionMember) isAttributeValue()       {}
