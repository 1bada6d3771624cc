package sandbox

import (
	"bytes"
	"encoding/json"
	"encoding/pem"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/credentials"
)

// TestSecretJSONParsesAsCredentials checks the bank's own secretJSON against the
// connector's parser: the bank writes the docs/configuration.md shape independently, on purpose,
// and this is where the two must agree.
func TestSecretJSONParsesAsCredentials(t *testing.T) {
	f := newFixture(t)
	raw := f.b.SecretJSON()
	var s secretJSON
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	c, err := credentials.Parse(raw, f.b.Now())
	if err != nil {
		t.Fatalf("credentials.Parse of the bank's secret: %v", err)
	}
	type ids struct{ ClientID, ClientSecret, SigningKeyID, OrganisationID, SoftwareStatementID string }
	want := ids{s.ClientID, s.ClientSecret, s.SigningKeyID, s.OrganisationID, s.SoftwareStatementID}
	got := ids{c.ClientID, c.ClientSecret, c.SigningKeyID, c.OrganisationID, c.SoftwareStatementID}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parsed ids differ from the secret (-secret +parsed):\n%s", diff)
	}
	blk, _ := pem.Decode([]byte(f.b.mat.TransportCertPEM))
	if blk == nil || c.Transport.Leaf == nil || !bytes.Equal(c.Transport.Leaf.Raw, blk.Bytes) {
		t.Error("parsed transport certificate is not the bank's")
	}
	if c.SigningKey == nil || !c.SigningKey.Equal(f.b.mat.signingKey) {
		t.Error("parsed signing key is not the bank's")
	}
}
