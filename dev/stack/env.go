package stack

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// contractVars are the variables every function needs (docs/configuration.md) whose local values only
// the stack knows; the template must declare them too.
var contractVars = []string{"ENVIRONMENT", "TABLE_NAME", "CREDENTIALS_SECRET_ID", "BANK_API_BASE_URL",
	"BANK_TOKEN_URL", "BANK_AUTH_URL_COOP", "BANK_AUTH_URL_SMILE", "REDIRECT_URI", "RESULT_URL"}

// functionEnv is the whole environment of one function's emulator (the emulator passes it to
// the function). The developer's own environment is not inherited, so no real AWS profile or
// credential can reach a function. Each template variable gets, in order: Options.Env, the
// stack's local value (local), a literal from the template, or the value of the parameter it
// !Refs (Options.Parameters, then the Default). A variable left without a value is an error.
// warn is told about contract variables the template does not declare (they are set anyway).
func functionEnv(t *Template, f *Function, local, override, runtime map[string]string, warn func(string)) ([]string, error) {
	env := map[string]string{}
	var missing []string
	for name, raw := range f.Environment {
		if v, ok := override[name]; ok {
			env[name] = v
			continue
		}
		if v, ok := local[name]; ok {
			env[name] = v
			continue
		}
		v, ok := t.literal(raw)
		if !ok {
			missing = append(missing, fmt.Sprintf("%s (%v)", name, raw))
			continue
		}
		env[name] = v
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("function %s: no local value for %s: set Options.Env or Options.Parameters",
			f.Name, strings.Join(missing, ", "))
	}
	for _, name := range contractVars {
		if _, ok := env[name]; !ok {
			warn(fmt.Sprintf("template does not declare %s for %s; the stack sets it", name, f.LogicalID))
			env[name] = local[name]
		}
	}
	for k, v := range override {
		env[k] = v
	}
	for k, v := range runtime {
		env[k] = v
	}
	env["AWS_LAMBDA_FUNCTION_NAME"] = f.LogicalID
	env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = strconv.Itoa(f.MemorySize)
	// The emulator reads whole seconds; Lambda's minimum is 1.
	env["AWS_LAMBDA_FUNCTION_TIMEOUT"] = strconv.Itoa(max(1, int(f.Timeout.Seconds()+0.5)))
	out := make([]string, 0, len(env)+1)
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	out = append(out, "PATH="+os.Getenv("PATH"))
	sort.Strings(out)
	return out, nil
}

// runtimeEnv is what Lambda itself sets (region, credentials) plus the AWS endpoint (the IAM
// front before kumo). accessKeyID is the function's own, by which the front knows it.
func runtimeEnv(awsEndpoint, accessKeyID string) map[string]string {
	return map[string]string{
		"AWS_REGION":                        localRegion,
		"AWS_DEFAULT_REGION":                localRegion,
		"AWS_ACCESS_KEY_ID":                 accessKeyID,
		"AWS_SECRET_ACCESS_KEY":             "local",
		"AWS_SESSION_TOKEN":                 "local",
		"AWS_ENDPOINT_URL_DYNAMODB":         awsEndpoint,
		"AWS_ENDPOINT_URL_SECRETS_MANAGER":  awsEndpoint,
		"AWS_ENDPOINT_URL_SQS":              awsEndpoint,
		"AWS_ENDPOINT_URL_KMS":              awsEndpoint,
		"AWS_ENDPOINT_URL_EVENTBRIDGE":      awsEndpoint,
		"AWS_ENDPOINT_URL_DYNAMODB_STREAMS": awsEndpoint,
		"AWS_EC2_METADATA_DISABLED":         "true",
		"AWS_CONFIG_FILE":                   os.DevNull,
		"AWS_SHARED_CREDENTIALS_FILE":       os.DevNull,
		"TZ":                                "UTC",
	}
}
