package stack

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
)

// Key is one AWS::KMS::Key of the template, as far as the local stack creates it.
type Key struct {
	Description string
	KeySpec     string // SYMMETRIC_DEFAULT when empty
	KeyUsage    string // ENCRYPT_DECRYPT when empty
}

// createKeys creates the template's KMS keys in kumo, as CloudFormation would.
func (s *Stack) createKeys(ctx context.Context) error {
	s.keys = map[string]string{}
	if len(s.tmpl.Keys) == 0 {
		return nil
	}
	client := kms.New(kms.Options{Region: localRegion, BaseEndpoint: aws.String(s.kumo.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	for id, k := range s.tmpl.Keys {
		in := &kms.CreateKeyInput{Description: aws.String(k.Description)}
		if k.KeySpec != "" {
			in.KeySpec = types.KeySpec(k.KeySpec)
		}
		if k.KeyUsage != "" {
			in.KeyUsage = types.KeyUsageType(k.KeyUsage)
		}
		out, err := client.CreateKey(ctx, in)
		if err != nil {
			return fmt.Errorf("create key %s: %w", id, err)
		}
		s.keys[id] = aws.ToString(out.KeyMetadata.Arn)
	}
	return nil
}

// keyValues are f's variables that name a template key (!Ref Key or !GetAtt Key.Arn): its
// local ARN (kumo accepts the ARN wherever the key id goes).
func (s *Stack) keyValues(f *Function) map[string]string {
	out := map[string]string{}
	for name, raw := range f.Environment {
		id, ok := refName(raw)
		if !ok {
			m, _ := raw.(map[string]any)
			if ga, _ := m["Fn::GetAtt"].([]any); len(m) == 1 && len(ga) == 2 && ga[1] == "Arn" {
				id, ok = ga[0].(string)
			}
		}
		if arn, found := s.keys[id]; ok && found {
			out[name] = arn
		}
	}
	return out
}

// KeyARN returns the local ARN of the template's KMS key id ("" when there is none).
func (s *Stack) KeyARN(id string) string { return s.keys[id] }
