<?php

namespace App\Http;

use Illuminate\Foundation\Http\Kernel as FoundationKernel;
use Illuminate\Routing\Middleware\SubstituteBindings;

/**
 * A JSON-only app: no sessions, cookies or CSRF. (HandleCors is left out on purpose: the
 * fruitcake/php-cors package it needs is not available to this test, see docs/laravel.md.)
 */
final class Kernel extends FoundationKernel
{
    protected $middleware = [];

    protected $middlewareGroups = [
        'api' => [SubstituteBindings::class],
    ];
}
