package secretsmanager

import (
	"context"
	"encoding/json"
	"time"

	"github.com/coop-ob/connector/shared/awsapi"
)

// GetSecretValueInput is GetSecretValue's request.
type GetSecretValueInput struct {
	SecretId     *string `json:"SecretId,omitempty"`
	VersionId    *string `json:"VersionId,omitempty"`
	VersionStage *string `json:"VersionStage,omitempty"`
}

// GetSecretValueOutput is GetSecretValue's answer. SecretString and SecretBinary are the secret:
// never log them.
type GetSecretValueOutput struct {
	ARN           *string
	CreatedDate   *time.Time
	Name          *string
	SecretBinary  []byte
	SecretString  *string
	VersionId     *string
	VersionStages []string
}

// UnmarshalJSON reads the answer, CreatedDate in epoch seconds as the protocol writes it.
func (o *GetSecretValueOutput) UnmarshalJSON(b []byte) error {
	type plain GetSecretValueOutput
	var w struct {
		*plain
		CreatedDate *awsapi.EpochSeconds
	}
	w.plain = (*plain)(o)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	o.CreatedDate = w.CreatedDate.Time()
	return nil
}

// GetSecretValue reads a secret's value (AWSCURRENT unless VersionId or VersionStage says otherwise).
func (c *Client) GetSecretValue(ctx context.Context, in *GetSecretValueInput, _ ...func(*Options)) (*GetSecretValueOutput, error) {
	return awsapi.Invoke[GetSecretValueInput, GetSecretValueOutput](ctx, c.Client, "GetSecretValue", in)
}
