<?php
// Request isolation: ?dirty=1 sets every request-scoped global before tracking; without it
// the call is tracked with no globals, so anything left over from an earlier request of the
// same worker would show up in its record and span.
declare(strict_types=1);
require __DIR__ . '/common.php';

use Spectra\Spectra;

if (isset($_GET['dirty'])) {
    Spectra::addGlobalTags(['leaky-tag']);
    Spectra::withMetadata(['leaky' => 'yes']);
    Spectra::withPricingTier('batch');
    Spectra::forTrackable('App\Models\Team', 42);
    Spectra::withTraceId((string) $_GET['trace']);
}
e2e_json(e2e_tracked_call((string) ($_GET['id'] ?? '0')));
