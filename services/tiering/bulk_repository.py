"""Tiering: the SQL of set-wise re-rating and bulk intake (arrays, one statement per chunk, COPY).

Like ``repository.py``, nothing here commits: the caller owns the transaction. PostgreSQL gets the
set-wise forms (``unnest`` of array parameters, ``COPY`` through ``vipkit.db.copy_rows``, the rating
aggregation); SQLite the plain portable statements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, DateTime, Integer, Numeric, String, bindparam, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.tiering.models import Policy, PolicyTopUp, TierHistory, TierStateRow
from services.tiering.programs import PremiumContributionFormula, Program
from services.tiering.rules import CENT, PendingDowngrade, TierState
from vipkit.db import copy_rows, is_postgres

STATE_COLUMNS = (
    "customer_id",
    "program",
    "tier",
    "status",
    "score",
    "since",
    "provisional_tier",
    "provisional_until",
    "pending_to",
    "pending_at",
    "sequence",
    "evaluated_on",
)
_ARRAY_TYPES: dict[str, Any] = {
    "score": ARRAY(Numeric(16, 2)),
    "since": ARRAY(Date),
    "provisional_until": ARRAY(Date),
    "pending_at": ARRAY(Date),
    "sequence": ARRAY(Integer),
    "evaluated_on": ARRAY(Date),
}


# --- tier states ---------------------------------------------------------------------------------
def _state(row: Any) -> TierState:
    pending = PendingDowngrade(row.pending_to, row.pending_at) if row.pending_to and row.pending_at else None
    return TierState(
        customer_id=row.customer_id,
        program=row.program,
        tier=row.tier,
        status=row.status,
        score=Decimal(row.score).quantize(CENT),
        since=row.since,
        provisional_tier=row.provisional_tier,
        provisional_until=row.provisional_until,
        pending_downgrade=pending,
        sequence=row.sequence,
        evaluated_on=row.evaluated_on,
    )


async def lock_states(
    session: AsyncSession, customer_ids: Sequence[str], program: str, now: dt.datetime, *, create: bool = True
) -> dict[str, TierState]:
    """Create the missing tier states (``none``/``invalid``), then read and lock every one, in key order.

    ``create=False`` (PostgreSQL): only the stored states, read and locked; the caller inserts the
    others with ``insert_states`` once it knows them (one write per new customer instead of two)."""
    ids = sorted(set(customer_ids))
    if not ids:
        return {}
    t = TierStateRow.__table__
    if is_postgres(session):
        if create:
            await session.execute(
                text(
                    "INSERT INTO tier_states (customer_id, program, tier, status, score, sequence, updated_at) "
                    "SELECT c, :program, 'none', 'invalid', 0, 0, :now FROM unnest(:ids) AS c ON CONFLICT DO NOTHING"
                ).bindparams(bindparam("ids", type_=ARRAY(String)), bindparam("now", type_=DateTime(timezone=True))),
                {"ids": ids, "program": program, "now": now},
            )
        key = t.c.customer_id == bindparam("ids", type_=ARRAY(String)).any_()  # type: ignore[attr-defined]
        stmt = select(*[t.c[c] for c in STATE_COLUMNS]).where(key).order_by(t.c.customer_id).with_for_update()
        rows = (await session.execute(stmt, {"ids": ids})).all()
    else:
        missing = [
            {"customer_id": c, "program": program, "tier": "none", "status": "invalid", "score": Decimal("0.00")}
            | {"sequence": 0, "updated_at": now}
            for c in ids
        ]
        await session.execute(sqlite_insert(t).on_conflict_do_nothing(), missing)  # type: ignore[arg-type]
        stmt = select(*[t.c[c] for c in STATE_COLUMNS]).where(t.c.customer_id.in_(ids)).order_by(t.c.customer_id)
        rows = (await session.execute(stmt)).all()
    return {row.customer_id: _state(row) for row in rows}


def _state_values(state: TierState) -> dict[str, Any]:
    pending = state.pending_downgrade
    return {
        "customer_id": state.customer_id,
        "program": state.program,
        "tier": state.tier,
        "status": state.status,
        "score": state.score,
        "since": state.since,
        "provisional_tier": state.provisional_tier,
        "provisional_until": state.provisional_until,
        "pending_to": pending.to if pending else None,
        "pending_at": pending.at if pending else None,
        "sequence": state.sequence,
        "evaluated_on": state.evaluated_on,
    }


def _unnest_states(sql: str) -> Any:
    """``sql`` with ``{rows}`` = the states as ``unnest(arrays) AS t(columns)``, and ``:now``."""
    names = ", ".join(f":{c}" for c in STATE_COLUMNS)
    return text(sql.format(rows=f"unnest({names}) AS t({', '.join(STATE_COLUMNS)})")).bindparams(
        *[bindparam(c, type_=_ARRAY_TYPES.get(c, ARRAY(String))) for c in STATE_COLUMNS],
        bindparam("now", type_=DateTime(timezone=True)),
    )


def _state_arrays(states: Sequence[TierState], now: dt.datetime) -> dict[str, Any]:
    values = [_state_values(s) for s in states]
    return {c: [v[c] for v in values] for c in STATE_COLUMNS} | {"now": now}


async def store_states(session: AsyncSession, states: Sequence[TierState], now: dt.datetime) -> None:
    """Write the new states of locked rows: one ``UPDATE ... FROM unnest(arrays)`` on PostgreSQL."""
    if not states:
        return
    if is_postgres(session):
        sets = ", ".join(f"{c} = t.{c}" for c in STATE_COLUMNS[1:])
        stmt = _unnest_states(
            f"UPDATE tier_states AS s SET {sets}, updated_at = :now FROM {{rows}} WHERE s.customer_id = t.customer_id"
        )
        await session.execute(stmt, _state_arrays(states, now))
        return
    values = [_state_values(s) for s in states]
    # ORM bulk UPDATE by primary key: one executemany
    await session.execute(update(TierStateRow), [row | {"updated_at": now} for row in values])


async def insert_states(session: AsyncSession, states: Sequence[TierState], now: dt.datetime) -> set[str]:
    """PostgreSQL: insert the states of customers that had none (``lock_states(create=False)``) in one
    statement; returns the customers whose state another transaction created meanwhile (not written:
    the caller locks and evaluates them again)."""
    if not states:
        return set()
    columns = ", ".join(STATE_COLUMNS)
    stmt = _unnest_states(
        f"INSERT INTO tier_states ({columns}, updated_at) SELECT {columns}, :now FROM {{rows}} "
        "ON CONFLICT DO NOTHING RETURNING customer_id"
    )
    inserted = set((await session.execute(stmt, _state_arrays(states, now))).scalars())
    return {s.customer_id for s in states} - inserted


async def add_history(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    await copy_rows(session, TierHistory.__table__, rows)  # type: ignore[arg-type]


# --- ratings in one aggregation ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One subject's sums on a date, as ``rules.rate`` would find them (policies outside cooling-off)."""

    customer_id: str
    score: Decimal
    counted: int
    cooling: int  # policies in their cooling-off period (provisional): the rules rate those customers
    channel_scores: tuple[Decimal, ...]  # per tier with a channel filter, in program order
    mobile: str | None
    birth_date: dt.date | None  # on the most recently underwritten policy
    waiting_from: dt.date | None  # earliest effective-or-reinstatement date of the counted policies
    held: int  # policies in force, counted or not (``scoring.is_held``)
    held_score: Decimal  # standard premiums of the held policies that do not count


def _category_sql(program: Program, params: dict[str, Any], binds: list[Any]) -> str:
    """Each policy's counting as ``rules.assess`` decides it: 0 not counted, 1 cooling-off (provisional), 2 counted."""
    e = program.eligibility
    params |= {"statuses": [s.value for s in e.statuses], "channels": [c.value for c in e.channels]}
    binds += [bindparam("statuses", type_=ARRAY(String)), bindparam("channels", type_=ARRAY(String))]
    not_counted = ["NOT (p.status = ANY(:statuses))", "NOT (p.channel = ANY(:channels))", ":d < p.effective_date"]
    if e.exclude_loan_or_pledge:
        not_counted.append("p.loan_or_pledge")
    if e.max_years_after_payment_period is not None:
        params["after_years"] = e.max_years_after_payment_period
        not_counted.append(
            "CAST(:d AS date) >= CAST(p.effective_date + make_interval(years => (CASE WHEN p.payment_mode = 'single' "
            "THEN 1 ELSE p.payment_years END) + :after_years) AS date)"
        )
    cooling = "WHEN :d < p.cooling_off_end THEN 1 " if e.cooling_off == "provisional" else ""
    return f"CASE WHEN {' OR '.join(not_counted)} THEN 0 {cooling}ELSE 2 END"


def _premium_sql(program: Program, params: dict[str, Any], binds: list[Any]) -> tuple[str, str]:
    """The top-ups' sum and each policy's standard premium (``rules.standard_premium``, half-up to the cent)."""
    f = program.formula
    if isinstance(f, PremiumContributionFormula):
        weights = " ".join(f"WHEN '{k.value}' THEN {Decimal(v)}" for k, v in sorted(f.top_up_factors.items()))
        top_ups = f"SUM(t.amount * CASE t.kind {weights} ELSE 0 END)" if weights else "0"
        params |= {"sf": f.single_premium_factor, "rf": f.regular_premium_factor}
        return top_ups, "ROUND(p.annual_premium * CASE WHEN p.payment_mode = 'single' THEN :sf ELSE :rf END + u.tu, 2)"
    params |= {"single_years": f.single_premium_payment_years, "divisor": f.coef_divisor_years}
    params |= {"wpf": f.wealth_premium_factor, "wtf": f.wealth_top_up_factor}
    params["wealth"] = [k.value for k in f.wealth_product_kinds]
    binds.append(bindparam("wealth", type_=ARRAY(String)))
    coef = (
        "LEAST(CAST(CASE WHEN p.payment_mode = 'single' THEN :single_years ELSE p.payment_years END AS numeric)"
        " / :divisor, 1)"
    )
    premium = (
        f"CASE WHEN p.product_kind = ANY(:wealth) THEN ROUND(p.annual_premium * {coef} * :wpf + u.tu * :wtf, 2) "
        f"ELSE ROUND(p.annual_premium * {coef}, 2) END"
    )
    return "SUM(t.amount)", premium


def _channel_sums_sql(program: Program, params: dict[str, Any], binds: list[Any]) -> str:
    """Per tier with a channel filter (program order): the counted premiums of those channels."""
    channel_sums = []
    for i, tier in enumerate(program.tiers):
        if tier.channels is not None:
            params[f"ch{i}"] = [c.value for c in tier.channels]
            binds.append(bindparam(f"ch{i}", type_=ARRAY(String)))
            channel_sums.append(f"COALESCE(SUM(x.sp) FILTER (WHERE x.cat = 2 AND p.channel = ANY(:ch{i})), 0)")
    return ", ".join(channel_sums) or "0"


def _rating_sql(program: Program) -> tuple[str, list[Any], dict[str, Any]]:
    """The aggregation: each policy's counting (``rules.assess``) and standard premium (``rules.
    standard_premium``, rounded per policy half-up to the cent), summed per subject."""
    role = "holder" if program.subject == "holder" else "insured"
    subj, mobile, birth = f"{role}_customer_id", f"{role}_mobile", f"{role}_birth_date"
    params: dict[str, Any] = {}
    binds: list[Any] = []
    category = _category_sql(program, params, binds)
    top_ups, premium = _premium_sql(program, params, binds)
    binds += [bindparam(k, type_=Numeric) for k in ("sf", "rf", "wpf", "wtf") if k in params]
    binds += [bindparam(k, type_=Integer) for k in ("single_years", "divisor", "after_years") if k in params]
    channel_sums = _channel_sums_sql(program, params, binds)
    sql = f"""
SELECT p.{subj} AS customer_id,
       COALESCE(SUM(x.sp) FILTER (WHERE x.cat = 2), 0) AS score,
       COUNT(*) FILTER (WHERE x.cat = 2) AS counted,
       COUNT(*) FILTER (WHERE x.cat = 1) AS cooling,
       ARRAY[{channel_sums}]::numeric[] AS channel_scores,
       (array_agg(p.{mobile} ORDER BY p.underwritten_at DESC, p.policy_no) FILTER (WHERE p.{mobile} IS NOT NULL))[1]
         AS mobile,
       (array_agg(p.{birth} ORDER BY p.underwritten_at DESC, p.policy_no))[1] AS birth_date,
       MIN(COALESCE(p.reinstated_on, p.effective_date)) FILTER (WHERE x.cat = 2) AS waiting_from,
       COUNT(*) FILTER (
         WHERE p.status = ANY(:statuses) AND p.channel = ANY(:channels) AND :d >= p.effective_date
       ) AS held,
       COALESCE(SUM(x.sp) FILTER (
         WHERE x.cat <> 2 AND p.status = ANY(:statuses) AND p.channel = ANY(:channels) AND :d >= p.effective_date
       ), 0) AS held_score
FROM policies p
LEFT JOIN LATERAL (
  SELECT COALESCE({top_ups}, 0) AS tu FROM policy_top_ups t
  WHERE p.top_up_total <> 0 AND t.policy_no = p.policy_no AND t.date <= :d
) u ON true
CROSS JOIN LATERAL (SELECT {category} AS cat, {premium} AS sp) x
WHERE p.{subj} = ANY(:ids)
GROUP BY p.{subj}
"""
    return sql, binds, params


async def score_rows(
    session: AsyncSession, program: Program, customer_ids: Sequence[str], as_of: dt.date
) -> dict[str, ScoreRow]:
    """PostgreSQL: every subject's sums on ``as_of`` in one statement (subjects without policies absent)."""
    sql, binds, params = _rating_sql(program)
    # JIT-compiling the aggregation's expressions cost a fifth of its time for a chunk of customers
    await session.execute(text("SET LOCAL jit = off"))
    stmt = text(sql).bindparams(*binds, bindparam("ids", type_=ARRAY(String)), bindparam("d", type_=Date))
    rows = (await session.execute(stmt, params | {"ids": list(customer_ids), "d": as_of})).all()
    n_channel = sum(1 for t in program.tiers if t.channels is not None)
    out: dict[str, ScoreRow] = {}
    # the columns in the statement's order (a tuple unpacked: no attribute lookup per value)
    for customer_id, score, counted, cooling, channels, mobile, birth_date, waiting_from, held, held_score in rows:
        out[customer_id] = ScoreRow(
            customer_id,
            Decimal(score).quantize(CENT),
            int(counted),
            int(cooling),
            tuple(Decimal(v).quantize(CENT) for v in channels[:n_channel]) if n_channel else (),
            mobile,
            birth_date,
            waiting_from,
            int(held),
            Decimal(held_score).quantize(CENT),
        )
    return out


# --- bulk intake ---------------------------------------------------------------------------------
async def add_policies(session: AsyncSession, policies: list[dict[str, Any]], top_ups: list[dict[str, Any]]) -> None:
    """New policy rows and their top-ups (``COPY`` on PostgreSQL)."""
    await copy_rows(session, Policy.__table__, policies)  # type: ignore[arg-type]
    await copy_rows(session, PolicyTopUp.__table__, top_ups)  # type: ignore[arg-type]
