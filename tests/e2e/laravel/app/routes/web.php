<?php

use App\Http\Controllers\ChatController;
use Illuminate\Support\Facades\Route;

Route::get('/chat', ChatController::class);
Route::get('/raw', [ChatController::class, 'raw']);
Route::get('/captured', [ChatController::class, 'captured']);

Route::get('/health', fn () => [
    'laravel' => app()->version(),
    'sapi' => PHP_SAPI,
    'spectra' => extension_loaded('spectra'),
    'event_dispatcher' => ini_get('spectra.event_dispatcher'),
    'span_builder' => ini_get('spectra.otel.span_builder'),
    'carbon_immutable_loaded' => class_exists(Carbon\CarbonImmutable::class, false),
]);
