package main

import (
	"context"
)

// sealPass runs this run's share of the upgrade's sealing pass (consent.Store.SealPassStep):
// at most SEAL_PASS_ITEMS table items, after the run's other work, within its stop time.
// Once the pass is done the container remembers it and reads nothing more; a new container
// reads the marker once per run. A failure (KMS, the table) fails the run; the next run
// starts again from the stored cursor.
func (h *Handler) sealPass(ctx context.Context, r *run, sum *Summary) error {
	if h.scan == nil || h.cfg.SealPassItems == 0 || h.sealDone.Load() {
		return nil
	}
	res, err := h.store.SealPassStep(ctx, h.scan, h.cfg.SealPassItems, r.stopping)
	sum.SealScanned, sum.Sealed, sum.SealRetired = res.Scanned, res.Sealed, res.Retired
	if err != nil {
		return err
	}
	if res.Finished {
		h.logger.InfoContext(ctx, "seal pass done")
	}
	h.sealDone.Store(res.Done)
	return nil
}
