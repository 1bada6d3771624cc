// Command hello is the cold-start yardstick of BenchmarkColdStartRatio (dev/stack): a Lambda
// function that only answers an HTTP API request, built exactly as the connector's functions
// are (the Makefile's flags), so a function's init and first invoke over this one's is the
// function's own cost.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	lambda.Start(func(_ context.Context, _ events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
		return events.APIGatewayV2HTTPResponse{StatusCode: 200, Body: "hello"}, nil
	})
}
