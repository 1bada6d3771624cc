package awsapi

import (
	"encoding/json"
	"math"
	"strconv"
	"time"
)

// EpochSeconds is a timestamp as the AWS JSON protocol writes it: seconds since the Unix epoch,
// with up to millisecond fractions. Service packages keep the SDK's *time.Time fields and
// convert through it in their MarshalJSON and UnmarshalJSON.
type EpochSeconds float64

// Epoch returns t (nil: nil) as EpochSeconds, truncated to the millisecond as the SDK writes it.
func Epoch(t *time.Time) *EpochSeconds {
	if t == nil {
		return nil
	}
	s := EpochSeconds(float64(t.UnixMilli()) / 1e3)
	return &s
}

// Time returns e (nil: nil) as a UTC time, to the millisecond.
func (e *EpochSeconds) Time() *time.Time {
	if e == nil {
		return nil
	}
	sec, frac := math.Modf(float64(*e))
	t := time.Unix(int64(sec), int64(math.Round(frac*1e3))*int64(time.Millisecond)).UTC()
	return &t
}

// MarshalJSON writes e as a plain number (no exponent).
func (e EpochSeconds) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(e), 'f', -1, 64), nil
}

// UnmarshalJSON reads a number of seconds.
func (e *EpochSeconds) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*e = EpochSeconds(f)
	return nil
}
