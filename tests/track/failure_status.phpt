--TEST--
A failure's HTTP status is read from the exception (Guzzle getResponse(), Laravel ->response, getStatusCode()); a provider error body returned by the callback is a failure
--FILE--
<?php
use Spectra\Spectra;
$records = [];
Spectra::listen(function ($e) use (&$records) { $records[] = $e->request; });
class Psr7Like { function __construct(private int $s) {} function getStatusCode(): int { return $this->s; } }
class GuzzleLikeException extends RuntimeException { function __construct(private Psr7Like $r) { parent::__construct('Server error: 502'); } function getResponse() { return $this->r; } }
class LaravelResponseLike { function status(): int { return 429; } }
class LaravelLikeException extends RuntimeException { public $response; function __construct() { parent::__construct('HTTP request returned status code 429'); $this->response = new LaravelResponseLike(); } }
class SdkLikeException extends RuntimeException { function getStatusCode(): int { return 401; } }
class ThrowingStatusException extends RuntimeException { function getStatusCode(): int { throw new LogicException('no status'); } }
foreach ([new GuzzleLikeException(new Psr7Like(502)), new LaravelLikeException(), new SdkLikeException('bad key'), new ThrowingStatusException('x'), new RuntimeException('plain', 500)] as $e) {
    try { Spectra::track('openai', 'gpt-4o', fn () => throw $e); } catch (Throwable $caught) {}
    $r = end($records);
    echo $r['error_type'], ' status=', var_export($r['status_code'], true), "\n";
}
// explicit status wins
Spectra::recordFailure(Spectra::startRequest('openai', 'gpt-4o'), new SdkLikeException('x'), 403);
echo 'explicit status=', end($records)['status_code'], "\n";

$bodies = [
    'openai' => ['error' => ['message' => 'Rate limit reached for gpt-4o', 'type' => 'requests', 'param' => null, 'code' => 'rate_limit_exceeded']],
    'anthropic' => ['type' => 'error', 'error' => ['type' => 'overloaded_error', 'message' => 'Overloaded']],
    'google' => ['error' => ['code' => 503, 'message' => 'The model is overloaded.', 'status' => 'UNAVAILABLE']],
];
foreach ($bodies as $provider => $body) {
    $value = Spectra::track($provider, 'm', fn () => $body);
    $r = end($records);
    echo $provider, ': returned-unchanged=', var_export($value === $body, true), ' failed=', var_export($r['is_failed'], true),
        ' type=', $r['error_type'], ' message=', $r['error_message'], ' status=', var_export($r['status_code'], true), "\n";
}
?>
--EXPECTF--
GuzzleLikeException status=502
LaravelLikeException status=429
SdkLikeException status=401

Warning: Spectra\Spectra::track(): Spectra: getStatusCode threw LogicException: no status in %s on line %d
ThrowingStatusException status=NULL
RuntimeException status=NULL
explicit status=403
openai: returned-unchanged=true failed=true type=rate_limit_exceeded message=Rate limit reached for gpt-4o status=NULL
anthropic: returned-unchanged=true failed=true type=overloaded_error message=Overloaded status=NULL
google: returned-unchanged=true failed=true type=UNAVAILABLE message=The model is overloaded. status=503
